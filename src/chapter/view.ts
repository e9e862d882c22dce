import type { BackendChoice } from '../engine/backends/choice.ts';
import { BOOK_EMBEDDINGS, BOOK_SEED, BOOK_TOKENS, type ModuleSettings } from '../engine/config.ts';
import type { StepId } from './steps/index.ts';

// The backend choice belongs to the engine; re-exported for the chapter's and the app's imports.
export { BACKEND_CHOICES, type BackendChoice } from '../engine/backends/choice.ts';
export { defaultView, STEP_IDS, type StepId } from './steps/index.ts';

/** A heatmap cell the learner clicked to keep highlighted. */
export interface LockedCell {
  head: number;
  row: number;
  col: number;
}

/**
 * Everything the learner chose: the whole of what a permalink carries and what undo restores.
 * Everything drawn is derived from this plus the engine's trace.
 */
export interface ViewState extends ModuleSettings {
  step: StepId;
  embeddings: number[][];
  backend: BackendChoice;
  locked: LockedCell | null;
  /** The two embedding dimensions the scatter plot shows. */
  scatter_dims: [number, number];
  /** "Show the head view": BertViz's lines drawn above the step's heatmaps. */
  head_view: boolean;
  /**
   * The step's own fields (e.g. 3.6.2's toy tensor `a`), declared by the step's `local` with
   * their initial values, schema and clamping; empty for a step without any.
   */
  local: Record<string, unknown>;
}

/**
 * The book's example before any step's own defaults: its sentence, seed 123, one head of width
 * 2, no bias, no dropout, no mask, scaled scores. Each step says where it differs (`defaults`).
 */
export const BOOK_VIEW: Omit<ViewState, 'step' | 'local'> = {
  tokens: BOOK_TOKENS,
  embeddings: BOOK_EMBEDDINGS,
  seed: BOOK_SEED,
  d_out: 2,
  num_heads: 1,
  qkv_bias: false,
  dropout: 0,
  training: false,
  causal: false,
  scaled: true,
  backend: 'auto',
  locked: null,
  scatter_dims: [0, 1],
  head_view: false,
};
