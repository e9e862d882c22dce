import type { SoftmaxKind } from '../../../src/engine/config.ts';
import { maskAboveDiagonal } from '../../../src/tensor/mask.ts';
import { matmul, matmulTransB } from '../../../src/tensor/matmul.ts';
import { naiveSoftmaxRows, softmaxRows } from '../../../src/tensor/softmax.ts';

export interface AttendInput {
  /** [blocks, T, hd] where blocks = batch × heads; queries, keys, values alike. */
  queries: Float32Array;
  keys: Float32Array;
  values: Float32Array;
  blocks: number;
  t: number;
  hd: number;
  causal: boolean;
  scaled: boolean;
  /** Dropout multipliers [blocks, T, T] (0 or 1/(1−p)), or null when dropout is off. */
  dropoutMask: Float32Array | null;
  softmax: SoftmaxKind;
}

export interface AttendParts {
  attn_scores: Float32Array;
  masked_scores: Float32Array;
  attn_weights: Float32Array;
  attn_weights_dropped: Float32Array;
  context: Float32Array;
}

/**
 * The chapter's attention pipeline on every [T, T] block at once:
 * scores = q·kᵀ → −∞ above the diagonal (causal) → softmax(scores / √d_k) → × dropout mask → @ v.
 */
export function attend(input: AttendInput): AttendParts {
  const { blocks, t, hd } = input;
  const tt = t * t;
  const attn_scores = new Float32Array(blocks * tt);
  for (let b = 0; b < blocks; b++) {
    const q = input.queries.subarray(b * t * hd, (b + 1) * t * hd);
    const k = input.keys.subarray(b * t * hd, (b + 1) * t * hd);
    matmulTransB(q, k, t, hd, t, attn_scores.subarray(b * tt, (b + 1) * tt));
  }
  const masked_scores = input.causal
    ? maskAboveDiagonal(attn_scores, t, Number.NEGATIVE_INFINITY)
    : attn_scores.slice();
  // The chapter divides by √d_k (a float32 division); multiplying by 1/√d_k differs in the last bit.
  const scaled = input.scaled ? divideBy(masked_scores, Math.fround(Math.sqrt(hd))) : masked_scores;
  const softmax = input.softmax === 'naive' ? naiveSoftmaxRows : softmaxRows;
  const attn_weights = softmax(scaled, blocks * t, t);
  const attn_weights_dropped = input.dropoutMask
    ? multiply(attn_weights, input.dropoutMask)
    : attn_weights;
  const context = new Float32Array(blocks * t * hd);
  for (let b = 0; b < blocks; b++) {
    matmul(
      attn_weights_dropped.subarray(b * tt, (b + 1) * tt),
      input.values.subarray(b * t * hd, (b + 1) * t * hd),
      t,
      t,
      hd,
      context.subarray(b * t * hd, (b + 1) * t * hd),
    );
  }
  return { attn_scores, masked_scores, attn_weights, attn_weights_dropped, context };
}

function divideBy(x: Float32Array, d: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] / d;
  return out;
}

function multiply(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] * b[i];
  return out;
}
