/**
 * What the explainer shows beyond the engine's trace: the chapter's side roads (normalising by
 * the sum, the naive softmax, masking the weights and renormalising, dropout on a matrix of
 * ones), computed here in float32 as PyTorch would, never in components.
 */
import { TorchGenerator } from '../rng/index.ts';
import { lowerTriangle } from '../tensor/mask.ts';
import { matmulTransB } from '../tensor/matmul.ts';
import { naiveSoftmaxRows } from '../tensor/softmax.ts';

const f32 = Math.fround;

/** ω / Σω: the "normalise by the sum" first attempt of §3.3.1. */
export function sumNormalise(row: Float32Array): Float32Array {
  let sum = 0;
  for (const x of row) sum = f32(sum + x);
  return row.map((x) => x / sum);
}

/** exp(x) / Σ exp(x) without subtracting the maximum: overflows past x ≈ 88.7. */
export function naiveSoftmax(row: Float32Array): Float32Array {
  return naiveSoftmaxRows(row, 1, row.length);
}

/** The scores divided by √d_k, as the chapter divides them. */
export function scaleScores(row: Float32Array, dk: number): Float32Array {
  const d = f32(Math.sqrt(dk));
  return row.map((x) => x / d);
}

/** `torch.tril(torch.ones(T, T))`. */
export function causalMask(t: number): Float32Array {
  return lowerTriangle(t);
}

/** Elementwise product of two same-sized matrices. */
export function multiply(a: Float32Array, b: Float32Array): Float32Array {
  return a.map((x, i) => x * b[i]);
}

/** Each row divided by its own sum (`m / m.sum(dim=-1, keepdim=True)`). */
export function renormaliseRows(m: Float32Array, cols: number): Float32Array {
  const out = new Float32Array(m.length);
  for (let r = 0; r < m.length / cols; r++) {
    let sum = 0;
    for (let c = 0; c < cols; c++) sum = f32(sum + m[r * cols + c]);
    for (let c = 0; c < cols; c++) out[r * cols + c] = m[r * cols + c] / sum;
  }
  return out;
}

/** Sum of each row, e.g. to show that weights add up to 1. */
export function rowSums(m: Float32Array, cols: number): Float32Array {
  const out = new Float32Array(m.length / cols);
  for (let r = 0; r < out.length; r++) {
    let sum = 0;
    for (let c = 0; c < cols; c++) sum = f32(sum + m[r * cols + c]);
    out[r] = sum;
  }
  return out;
}

/** The largest |a − b| (NaN if either has a NaN); 0 means identical to the last bit. */
export function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (Number.isNaN(d)) return Number.NaN;
    if (d > max) max = d;
  }
  return max;
}

/** `torch.manual_seed(seed); nn.Dropout(p)(torch.ones(T, T))`: the book's dropout demo. */
export function dropoutOnOnes(seed: number, p: number, t: number): Float32Array {
  return new TorchGenerator(seed).dropoutMask(t * t, p);
}

/** `torch.manual_seed(seed); torch.rand(T, d_in)`, rounded to 2 decimals like the book's inputs. */
export function randomEmbeddings(seed: number, t: number, dIn: number): number[][] {
  const r = new TorchGenerator(seed).rand(t * dIn);
  return Array.from({ length: t }, (_, i) =>
    Array.from(r.subarray(i * dIn, (i + 1) * dIn), (x) => Math.round(x * 100) / 100),
  );
}

/** `m @ m.T` for a [rows, cols] matrix: §3.6.2's `first_head @ first_head.T`. */
export function selfProduct(m: Float32Array, rows: number, cols: number): Float32Array {
  return matmulTransB(m, m, rows, cols, rows);
}
