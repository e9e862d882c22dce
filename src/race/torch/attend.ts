/**
 * The body the chapter's classes share, for one head: attn_scores = queries @ keys.T,
 * masked_fill_ of the future with −inf, softmax(attn_scores / √d_k), then attn_weights @ values.
 */
import { maskAboveDiagonal } from '../../tensor/mask.ts';
import { matmul, matmulTransB } from '../../tensor/matmul.ts';
import { softmaxRows } from '../../tensor/softmax.ts';

export function causalAttend(
  queries: Float32Array,
  keys: Float32Array,
  values: Float32Array,
  t: number,
  hd: number,
): Float32Array {
  const attn_scores = matmulTransB(queries, keys, t, hd, t);
  const masked = maskAboveDiagonal(attn_scores, t, Number.NEGATIVE_INFINITY);
  const div = Math.sqrt(hd);
  for (let i = 0; i < masked.length; i++) masked[i] = masked[i] / div;
  const attn_weights = softmaxRows(masked, t, t);
  return matmul(attn_weights, values, t, t, hd);
}

/** Columns c0…c0+width of a [rows, ld] matrix, contiguous (what `.view`/`.transpose` hand a head). */
export function columns(m: Float32Array, rows: number, ld: number, c0: number, width: number) {
  const out = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++) out.set(m.subarray(r * ld + c0, r * ld + c0 + width), r * width);
  return out;
}

/** Writes a head's [rows, width] block back at columns c0… of a [rows, ld] matrix. */
export function putColumns(
  m: Float32Array,
  block: Float32Array,
  rows: number,
  ld: number,
  c0: number,
) {
  const width = block.length / rows;
  for (let r = 0; r < rows; r++) m.set(block.subarray(r * width, (r + 1) * width), r * ld + c0);
}
