/**
 * The registry: every step of the explainer, one line each, in the chapter's order. A step is
 * one file of this folder (its defaults, words, code, controls, engine requests, panels and own
 * state); adding one is that file plus its line here. STEP_IDS and StepId derive from this list.
 */
import type { AttentionConfigInput } from '../../engine/config.ts';
import type { Trace } from '../../engine/trace.ts';
import type { PanelGroup } from '../panels/types.ts';
import { BOOK_VIEW, type ViewState } from '../view.ts';
import { step331 } from './3.3.1-one-query.ts';
import { step332 } from './3.3.2-all-queries.ts';
import { step341 } from './3.4.1-trainable-weights.ts';
import { step342 } from './3.4.2-compact-classes.ts';
import { step351 } from './3.5.1-causal-mask.ts';
import { step352 } from './3.5.2-dropout.ts';
import { step353 } from './3.5.3-causal-class.ts';
import { step361 } from './3.6.1-stacked-heads.ts';
import { step362 } from './3.6.2-weight-splits.ts';
import { step41 } from './4.1-gqa.ts';
import { step42 } from './4.2-kv-cache.ts';
import { step43 } from './4.3-padding.ts';
import { stepEx33 } from './ex3.3-gpt2.ts';
import { initialLocal } from './local.ts';
import { stepRace } from './race.ts';
import { stepTrain } from './train-attention.ts';
import type { StepDef } from './types.ts';

export const STEPS = [
  step331,
  step332,
  step341,
  step342,
  step351,
  step352,
  step353,
  step361,
  step362,
  stepEx33,
  step41,
  step42,
  step43,
  stepTrain,
  stepRace,
] as const;

export type StepId = (typeof STEPS)[number]['id'];
export const STEP_IDS: readonly StepId[] = STEPS.map((s) => s.id);

export { queryIndex } from './configs.ts';
export type { BodyKind, ControlId, FeaturedCell, LocalField, StepDef } from './types.ts';
export { CONTROL_IDS, CUSTOM_BODIES } from './types.ts';

const BY_ID = new Map<string, StepDef>(STEPS.map((s) => [s.id, s]));

export function stepDef(id: StepId): StepDef {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`no step ${id}`);
  return def;
}

/** The view a step opens with: the book's example, as printed there. */
export function defaultView(step: StepId): ViewState {
  const def = stepDef(step);
  return {
    ...BOOK_VIEW,
    tokens: [...BOOK_VIEW.tokens],
    embeddings: BOOK_VIEW.embeddings.map((row) => [...row]),
    scatter_dims: [...BOOK_VIEW.scatter_dims],
    ...def.defaults,
    step,
    local: initialLocal(def.local),
  };
}

/**
 * Whether the step asks the chapter's engine for anything: a fact of the step (the same for
 * every view), so a selector run on every store change costs a lookup.
 */
export const usesChapterEngine = (id: StepId): boolean => !stepDef(id).ownWorkers;

/** The engine requests the view's step needs, main one first. */
export function configsFor(view: ViewState): AttentionConfigInput[] {
  return stepDef(view.step).configsFor(view);
}

/**
 * What a step draws from its traces: groups of panels. `view` must be the view the traces were
 * computed for (the page keeps the last good pair together).
 */
export function panelsFor(view: ViewState, traces: Trace[]): PanelGroup[] {
  return stepDef(view.step).panels(view, traces);
}

/** The step before or after `id`, or null at either end of the chapter. */
export function neighbour(id: StepId, delta: -1 | 1): StepId | null {
  const i = STEP_IDS.indexOf(id) + delta;
  return i >= 0 && i < STEP_IDS.length ? STEP_IDS[i] : null;
}
