import type { AttentionConfig, AttentionConfigInput, Optimizer } from '../engine/config.ts';
import { resolveConfig } from '../engine/resolve-config.ts';
import { forward } from '../engine/run.ts';
import {
  EMBEDDINGS,
  type TaskId,
  TOKENS,
  targetOutput,
  targetWeights,
  variantOf,
} from './tasks.ts';

/** Everything that decides a training run: the same setup always trains the same way. */
export interface TrainingSetup {
  task: TaskId;
  optimizer: Optimizer;
  lr: number;
  seed: number;
  /** Divide the scores by √d_k (the chapter does); off for the lesson of why. */
  scaled: boolean;
  /** d_k: the width of queries and keys (the book's 2, or larger for the √d_k lesson). */
  d_out: number;
  /** Append each token's position (one-hot) to its embedding: without it, attention cannot tell
   * order, nor "journey" from "starts" (their embeddings are nearly equal). */
  positions: boolean;
  /** Let W_value learn too: it can then fit the target without attending where it should. */
  trainValues: boolean;
  /** The painted task's target weights (T × T); ignored by the other tasks. */
  painted?: number[][];
  /** Inputs multiplied by this (default 1): the √d_k lesson's larger scores. */
  inputScale?: number;
}

/** Steps each task is given by default: its loss falls ≥ 10× within them (tested). */
export const DEFAULT_BUDGET: Record<Optimizer, number> = { sgd: 500, adamw: 300 };

export const DEFAULT_SETUP: TrainingSetup = {
  task: 'previous',
  optimizer: 'adamw',
  lr: 0.03,
  seed: 123,
  scaled: true,
  d_out: 4,
  positions: true,
  trainValues: false,
};

/** The module before training: the seed's weights, the task's variant, no target yet. */
export function untrainedInput(setup: TrainingSetup): AttentionConfigInput {
  return {
    variant: variantOf(setup.task),
    tokens: TOKENS,
    embeddings: inputOf(setup),
    seed: setup.seed,
    d_out: setup.d_out,
    scaled: setup.scaled,
  };
}

/**
 * The engine config that trains `setup`: the target is the task's weights applied to the value
 * vectors of the *untrained* module, so the target stays fixed while W_value learns too.
 */
export function trainingInput(setup: TrainingSetup, steps = 0): AttentionConfigInput {
  const before = forward(resolveConfig(untrainedInput(setup)));
  const weights = targetWeights(setup.task, EMBEDDINGS, setup.painted);
  const target = targetOutput(weights, before.values.data, setup.d_out);
  return {
    ...untrainedInput(setup),
    target: [target],
    train: { steps, lr: setup.lr, optimizer: setup.optimizer },
  };
}

export function trainingConfig(setup: TrainingSetup, steps = 0): AttentionConfig {
  return resolveConfig(trainingInput(setup, steps));
}

/** Each optimizer's default learning rate: SGD needs a far larger one on this tiny loss. */
export const DEFAULT_LR: Record<Optimizer, number> = { sgd: 8, adamw: 0.03 };

export function defaultSetup(task: TaskId, optimizer: Optimizer = 'adamw'): TrainingSetup {
  return { ...DEFAULT_SETUP, task, optimizer, lr: DEFAULT_LR[optimizer] };
}

/** The book's embeddings, with one-hot positions appended when the setup asks (× inputScale). */
export function inputOf(setup: TrainingSetup): number[][] {
  const t = EMBEDDINGS.length;
  const k = setup.inputScale ?? 1;
  return EMBEDDINGS.map((x, i) =>
    (setup.positions ? [...x, ...Array.from({ length: t }, (_, j) => (i === j ? 1 : 0))] : x).map(
      (v) => v * k,
    ),
  );
}

const NONE_FROZEN: readonly string[] = [];
const VALUES_FROZEN: readonly string[] = ['W_value'];

/** The parameters the optimizer leaves alone (the same list each call, so views can memo on it). */
export function frozenOf(setup: TrainingSetup): readonly string[] {
  return setup.trainValues ? NONE_FROZEN : VALUES_FROZEN;
}
