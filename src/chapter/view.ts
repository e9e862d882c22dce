import { BOOK_EMBEDDINGS, BOOK_TOKENS } from '../engine/config.ts';

/** The chapter's steps, by section number, in reading order. */
export const STEP_IDS = [
  '3.3.1',
  '3.3.2',
  '3.4.1',
  '3.4.2',
  '3.5.1',
  '3.5.2',
  '3.5.3',
  '3.6.1',
  '3.6.2',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export const BACKEND_CHOICES = ['auto', 'webgpu', 'kernel', 'wasm', 'reference'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

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
export interface ViewState {
  step: StepId;
  tokens: string[];
  embeddings: number[][];
  seed: number;
  d_out: number;
  num_heads: number;
  qkv_bias: boolean;
  dropout: number;
  training: boolean;
  causal: boolean;
  scaled: boolean;
  backend: BackendChoice;
  locked: LockedCell | null;
  /** The two embedding dimensions the scatter plot shows. */
  scatter_dims: [number, number];
}

/** The seed the printed book uses at each step: 789 for SelfAttention_v2 and the mask built on it. */
const BOOK_SEED: Record<StepId, number> = {
  '3.3.1': 123,
  '3.3.2': 123,
  '3.4.1': 123,
  '3.4.2': 789,
  '3.5.1': 789,
  '3.5.2': 123,
  '3.5.3': 123,
  '3.6.1': 123,
  '3.6.2': 123,
};

/** The view a step opens with: the book's example, as printed there. */
export function defaultView(step: StepId): ViewState {
  const section = step.slice(0, 3);
  return {
    step,
    tokens: [...BOOK_TOKENS],
    embeddings: BOOK_EMBEDDINGS.map((row) => [...row]),
    seed: BOOK_SEED[step],
    d_out: 2,
    num_heads: section === '3.6' ? 2 : 1,
    qkv_bias: false,
    dropout: step === '3.5.2' ? 0.5 : 0,
    training: step === '3.5.2',
    causal: section === '3.5' || section === '3.6',
    scaled: section !== '3.3',
    backend: 'auto',
    locked: null,
    scatter_dims: [0, 1],
  };
}
