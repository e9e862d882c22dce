// One head of causal (or full) attention, its head split folded into strides: queries, keys and
// values are the columns [h·hd, (h+1)·hd) of [T, d_out] matrices (row stride ld).
import { CAUSAL_SCORES, CAUSAL_VALUES, DENSE, gemm, pack } from './gemm';
import { softmax_rows } from './softmax';

/**
 * scores = q·kᵀ (masked tiles skipped unless `full`), weights = softmax(scores ÷ div), context =
 * weights·v. `scores` and `weights` are [T, T] (they may be the same buffer when only the
 * context is wanted); kpack and vpack are scratch of ⌈T/8⌉·8·hd and ⌈hd/8⌉·8·T floats; `stats`
 * (0: none) gets each row's entropy and mean key index (softmax_rows).
 */
export function attend_head(
  q: usize, k: usize, v: usize, ld: i32, t: i32, hd: i32, causal: i32, div: f32,
  scores: usize, weights: usize, kpack: usize, vpack: usize, ctx: usize, ldctx: i32, full: i32,
  stats: usize,
): void {
  pack(k, 1, ld, hd, t, kpack);
  gemm(q, ld, kpack, hd, t, scores, t, 0, 0, t, causal && !full ? CAUSAL_SCORES : DENSE);
  softmax_rows(scores, weights, t, t, 0, t, causal, div, full, stats);
  pack(v, ld, 1, t, hd, vpack);
  gemm(weights, t, vpack, t, hd, ctx, ldctx, 0, 0, t, causal ? CAUSAL_VALUES : DENSE);
}
