import type { KernelExports } from './exports.ts';
import { bitsF32, type Plan } from './plan.ts';

/** Row blocks are multiples of 6 (the FMA tile) so no thread gets an edge tile mid-matrix. */
function rowRange(rows: number, tid: number, threads: number): [number, number] {
  const tiles = Math.ceil(rows / 6);
  const lo = Math.min(rows, Math.floor((tiles * tid) / threads) * 6);
  const hi = Math.min(rows, Math.floor((tiles * (tid + 1)) / threads) * 6);
  return [lo, hi];
}

/**
 * Thread `tid`'s share of one forward pass: the three projections by rows, attention by heads
 * (head split and merge folded into strides: heads are column blocks of q, k, v and ctx), then
 * out_proj by rows, with a barrier between phases (every thread runs the same code).
 */
export function runPhases(
  ex: KernelExports,
  p: Plan,
  tid: number,
  threads: number,
  barrier: () => void,
): void {
  const [r0, r1] = rowRange(p.rows, tid, threads);
  if (r1 > r0) {
    ex.gemm(p.x, p.dIn, p.wq, p.dIn, p.dOut, p.q, p.dOut, p.bq, r0, r1, 0);
    ex.gemm(p.x, p.dIn, p.wk, p.dIn, p.dOut, p.k, p.dOut, p.bk, r0, r1, 0);
    ex.gemm(p.x, p.dIn, p.wv, p.dIn, p.dOut, p.v, p.dOut, p.bv, r0, r1, 0);
  }
  barrier();
  const div = bitsF32(p.divBits);
  const tt = p.t * p.t * 4;
  const kpackBytes = Math.ceil(p.t / 8) * 8 * p.hd * 4;
  const scratch = p.scratch + tid * p.scratchBytes;
  const kpack = scratch;
  const vpack = scratch + kpackBytes;
  const own = vpack + Math.ceil(p.hd / 8) * 8 * p.t * 4;
  for (let blk = tid; blk < p.batch * p.heads; blk += threads) {
    const b = Math.floor(blk / p.heads);
    const h = blk % p.heads;
    const at = (base: number) => base + (b * p.t * p.dOut + h * p.hd) * 4;
    const scores = p.full ? p.scores + blk * tt : own;
    const weights = p.full ? p.weights + blk * tt : own;
    ex.attend_head(
      at(p.q),
      at(p.k),
      at(p.v),
      p.dOut,
      p.t,
      p.hd,
      p.causal,
      div,
      scores,
      weights,
      kpack,
      vpack,
      at(p.ctx),
      p.dOut,
      p.full,
      p.stats ? p.stats + blk * p.t * 8 : 0,
    );
    if (p.thumbs) ex.thumbnail(weights, p.t, p.thumbSide, thumbOf(p, blk), 0);
  }
  if (!p.wo) return;
  barrier();
  if (r1 > r0) ex.gemm(p.ctx, p.dOut, p.wo, p.dOut, p.dOut, p.out, p.dOut, p.bo, r0, r1, 0);
}

/**
 * Rows [from, T) of a causal, `full` pass on this thread alone, the rows before them already in
 * place: their projections, their attention over every key (scores and weights rows, context
 * rows), and out_proj of those rows. Each row is the same sum in the same order as in a whole
 * pass (`runPhases`), so an edit's rows equal a fresh pass's. `packs` keeps every head's keys and
 * values packed (`rowPackBytes`) between calls: only rows from `repack` on are packed again.
 */
export function runRows(
  ex: KernelExports,
  p: Plan,
  from: number,
  packs: number,
  repack: number,
): void {
  const t = p.t;
  ex.gemm(p.x, p.dIn, p.wq, p.dIn, p.dOut, p.q, p.dOut, p.bq, from, t, 0);
  ex.gemm(p.x, p.dIn, p.wk, p.dIn, p.dOut, p.k, p.dOut, p.bk, from, t, 0);
  ex.gemm(p.x, p.dIn, p.wv, p.dIn, p.dOut, p.v, p.dOut, p.bv, from, t, 0);
  const div = bitsF32(p.divBits);
  const kBytes = Math.ceil(t / 8) * 8 * p.hd * 4;
  // Keys are packed in panels of 8: repack from the panel holding row `repack`.
  const k0 = Math.floor(repack / 8) * 8;
  for (let h = 0; h < p.heads; h++) {
    const at = (base: number, row: number) => base + (row * p.dOut + h * p.hd) * 4;
    const kpack = packs + h * rowPackBytes(t, p.hd);
    const vpack = kpack + kBytes;
    const scores = p.scores + h * t * t * 4;
    const weights = p.weights + h * t * t * 4;
    // attend_head's steps on rows [from, T), against every key and value.
    ex.pack(at(p.k, k0), 1, p.dOut, p.hd, t - k0, kpack + k0 * p.hd * 4);
    ex.gemm(at(p.q, 0), p.dOut, kpack, p.hd, t, scores, t, 0, from, t, GEMM_DENSE);
    const stats = p.stats ? p.stats + h * t * 8 : 0;
    ex.softmax_rows(scores, weights, t, t, from, t, p.causal, div, 1, stats);
    // Values are panels of 8 columns, each T rows deep: repack rows [repack, T) of each panel.
    for (let c = 0; c < p.hd; c += 8)
      ex.pack(
        at(p.v, repack) + c * 4,
        p.dOut,
        1,
        t - repack,
        Math.min(8, p.hd - c),
        vpack + (c * t + repack * 8) * 4,
      );
    ex.gemm(weights, t, vpack, t, p.hd, at(p.ctx, 0), p.dOut, 0, from, t, GEMM_CAUSAL_VALUES);
    if (p.thumbs) ex.thumbnail(weights, t, p.thumbSide, thumbOf(p, h), from);
  }
  if (p.wo) ex.gemm(p.ctx, p.dOut, p.wo, p.dOut, p.dOut, p.out, p.dOut, p.bo, from, t, 0);
}

/** Where map `blk`'s thumbnail is (`thumbSide` squared floats each). */
export function thumbOf(p: Plan, blk: number): number {
  return p.thumbs + blk * p.thumbSide * p.thumbSide * 4;
}

/** Bytes `runRows` keeps its packed keys and values in: per head ⌈T/8⌉·8·hd and T·⌈hd/8⌉·8 floats. */
export function rowPackBytes(t: number, hd: number, heads = 1): number {
  return heads * align((Math.ceil(t / 8) * 8 * hd + Math.ceil(hd / 8) * 8 * t) * 4);
}

/** gemm's modes (src/kernels/assembly/gemm.ts): a dense product; weights·V stopping at the diagonal. */
const GEMM_DENSE = 0;
const GEMM_CAUSAL_VALUES = 2;

/** Per-thread scratch bytes: packed keys and values, plus a [T, T] scores buffer. */
export function scratchBytes(t: number, hd: number, full: boolean): number {
  const packs = (Math.ceil(t / 8) * 8 * hd + Math.ceil(hd / 8) * 8 * t) * 4;
  return align(packs + (full ? 0 : t * t * 4));
}

export function align(bytes: number): number {
  return Math.ceil(bytes / 64) * 64;
}
