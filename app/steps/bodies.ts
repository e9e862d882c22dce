/**
 * The components of steps with a body of their own (src/chapter/steps/types.ts CUSTOM_BODIES);
 * every other step draws its panel groups. Typed by the list, so none can be forgotten.
 */
import type { ComponentType } from 'react';
import type { BodyKind, StepDef } from '../../src/chapter/steps/index.ts';
import { GqaBody } from '../beyond/GqaBody.tsx';
import { PaddingBody } from '../beyond/PaddingBody.tsx';

export type CustomBody = Exclude<BodyKind, 'panels'>;

export const BODIES: Record<CustomBody, ComponentType<{ def: StepDef }>> = {
  'beyond-gqa': GqaBody,
  'beyond-padding': PaddingBody,
};

/** The custom component for a step, or null when it draws the standard panels. */
export function customBody(def: StepDef): ComponentType<{ def: StepDef }> | null {
  const kind = def.body ?? 'panels';
  return kind === 'panels' ? null : BODIES[kind];
}
