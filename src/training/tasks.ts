import { BOOK_EMBEDDINGS, BOOK_TOKENS } from '../engine/config.ts';

/** The patterns attention can be trained to find, each defined by the output it should give. */
export const TASKS = ['previous', 'first', 'similar', 'painted'] as const;
export type TaskId = (typeof TASKS)[number];

export const TASK_LABELS: Record<TaskId, string> = {
  previous: 'Attend to the previous token',
  first: 'Attend to the first token',
  similar: 'Find the token most like me',
  painted: 'Paint your own pattern',
};

/** The chapter's causal module where the pattern only looks back; SelfAttention_v2 otherwise. */
export function variantOf(task: TaskId): 'causal' | 'v2' {
  return task === 'previous' || task === 'first' ? 'causal' : 'v2';
}

export const TOKENS = BOOK_TOKENS;
export const EMBEDDINGS = BOOK_EMBEDDINGS;

/**
 * The attention weights (T × T, rows sum to 1) whose context vectors are the task's target.
 * Token 1 has no previous token: it attends to itself. "Most like me" is the other token with
 * the highest dot product of embeddings (the chapter's first attention score).
 */
export function targetWeights(
  task: TaskId,
  embeddings: readonly (readonly number[])[] = EMBEDDINGS,
  painted?: readonly (readonly number[])[],
): number[][] {
  const t = embeddings.length;
  const oneHot = (j: number) => Array.from({ length: t }, (_, k) => (k === j ? 1 : 0));
  switch (task) {
    case 'previous':
      return embeddings.map((_, i) => oneHot(Math.max(0, i - 1)));
    case 'first':
      return embeddings.map(() => oneHot(0));
    case 'similar':
      return embeddings.map((xi, i) => oneHot(mostLike(embeddings, xi, i)));
    case 'painted':
      return normalisePainting(painted ?? uniformRows(t), t);
  }
}

function mostLike(embeddings: readonly (readonly number[])[], xi: readonly number[], i: number) {
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  embeddings.forEach((xj, j) => {
    if (j === i) return;
    const score = xi.reduce((s, v, k) => s + v * xj[k], 0);
    if (score > bestScore) [best, bestScore] = [j, score];
  });
  return best;
}

function uniformRows(t: number): number[][] {
  return Array.from({ length: t }, () => Array<number>(t).fill(1 / t));
}

/**
 * Rows scaled to sum to 1 (a painted row is a distribution); a row painted all zero, negative or
 * not a number becomes uniform rather than an impossible target.
 */
export function normalisePainting(painted: readonly (readonly number[])[], t: number): number[][] {
  return Array.from({ length: t }, (_, i) => {
    const row = Array.from({ length: t }, (_, j) => {
      const v = painted[i]?.[j];
      return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
    });
    const sum = row.reduce((a, b) => a + b, 0);
    return sum > 0 ? row.map((v) => v / sum) : Array<number>(t).fill(1 / t);
  });
}

/** targetWeights @ values: [T][width]. */
export function targetOutput(weights: number[][], values: ArrayLike<number>, width: number) {
  return weights.map((row) =>
    Array.from({ length: width }, (_, c) =>
      row.reduce((s, w, j) => s + w * values[j * width + c], 0),
    ),
  );
}
