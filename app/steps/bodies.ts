/**
 * The components of steps with a body of their own (src/chapter/steps/types.ts CUSTOM_BODIES);
 * every other step draws its panel groups. Typed by the list, so none can be forgotten.
 */
import { type ComponentType, lazy } from 'react';
import type { BodyKind, StepDef } from '../../src/chapter/steps/index.ts';
import type { ViewState } from '../../src/chapter/view.ts';
import { GqaBody } from '../beyond/GqaBody.tsx';
import { KvCacheBody } from '../beyond/KvCacheBody.tsx';
import { PaddingBody } from '../beyond/PaddingBody.tsx';
import { TrainingBody } from '../training/TrainingBody.tsx';

export type CustomBody = Exclude<BodyKind, 'panels'>;

export const BODIES: Record<CustomBody, ComponentType<{ def: StepDef }>> = {
  // Loaded when the step opens: its tokenizer, worker and views stay out of the first paint.
  gpt2: lazy(() => import('../gpt2/Gpt2Step.tsx').then((m) => ({ default: m.Gpt2Step }))),
  training: TrainingBody,
  race: lazy(() => import('../race/RaceBody.tsx').then((m) => ({ default: m.RaceBody }))),
  'beyond-gqa': GqaBody,
  'beyond-kv-cache': KvCacheBody,
  'beyond-padding': PaddingBody,
};

/** Bodies that bring their own inputs (a text, a task, the race's sizes); the others edit the shared embeddings. */
const OWN_INPUTS: ReadonlySet<CustomBody> = new Set(['gpt2', 'training', 'race']);

/** Whether the step's page shows the embeddings editor. */
export function showsEditor(def: StepDef): boolean {
  const kind = def.body ?? 'panels';
  return kind === 'panels' || !OWN_INPUTS.has(kind);
}

/**
 * Whether the step's page has an inputs column: the editor, controls or a pipeline to draw. The
 * race has none of them, and its own settings take the full width.
 */
export function showsEditColumn(def: StepDef, view: ViewState): boolean {
  return showsEditor(def) || def.controls.length > 0 || def.configsFor(view).length > 0;
}

/** The custom component for a step, or null when it draws the standard panels. */
export function customBody(def: StepDef): ComponentType<{ def: StepDef }> | null {
  const kind = def.body ?? 'panels';
  return kind === 'panels' ? null : BODIES[kind];
}
