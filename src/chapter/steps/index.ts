import type { AttentionConfigInput } from '../../engine/config.ts';
import { STEP_IDS, type StepId, type ViewState } from '../view.ts';
import { step331, step332 } from './section-3-3.ts';
import { step341, step342 } from './section-3-4.ts';
import { step351, step352, step353 } from './section-3-5.ts';
import { step361, step362 } from './section-3-6.ts';
import type { StepDef } from './types.ts';

export type { ControlId, FeaturedCell, StepDef } from './types.ts';
export { CONTROL_IDS, queryIndex } from './types.ts';

/** Every step of the explainer, by id, in the chapter's order. */
export const STEPS: Record<StepId, StepDef> = {
  '3.3.1': step331,
  '3.3.2': step332,
  '3.4.1': step341,
  '3.4.2': step342,
  '3.5.1': step351,
  '3.5.2': step352,
  '3.5.3': step353,
  '3.6.1': step361,
  '3.6.2': step362,
};

export function stepDef(id: StepId): StepDef {
  return STEPS[id];
}

/** The engine requests the view's step needs, main one first. */
export function configsFor(view: ViewState): AttentionConfigInput[] {
  return STEPS[view.step].configsFor(view);
}

/** The step before or after `id`, or null at either end of the chapter. */
export function neighbour(id: StepId, delta: -1 | 1): StepId | null {
  const i = STEP_IDS.indexOf(id) + delta;
  return i >= 0 && i < STEP_IDS.length ? STEP_IDS[i] : null;
}
