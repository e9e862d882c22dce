// Register-blocked products C = A·B (+ bias) with B packed in panels 8 columns wide. A tile of
// MR rows × 8 columns keeps its sums in 2·MR f32x4 registers: 6 rows with FMA (12 accumulators,
// 2 of B and 1 broadcast of A fill V8's 15 SIMD registers), 4 rows without (mul+add needs a
// temporary). Rows left over use a 1-row tile.
import { madd, store8 } from './simd';

// @ts-ignore: decorator
@inline const MR: i32 = ASC_FEATURE_RELAXED_SIMD ? 6 : 4;

/** Dense product. */
export const DENSE = 0;
/** Causal q·kᵀ: panels right of a tile's last row are masked, so skipped. */
export const CAUSAL_SCORES = 1;
/** Causal weights·V: weights right of a tile's last row are 0, so the depth stops there. */
export const CAUSAL_VALUES = 2;

/**
 * Packs B[k, n] = src[k·ldk + n·ldn] (floats) into ⌈n/8⌉ panels of k×8, zero-padded: x@Wᵀ with W
 * in torch's [out, in] layout is ldk = 1, ldn = in; keys as Bᵀ and values fold the head split
 * into their strides the same way.
 */
export function pack(src: usize, ldk: i32, ldn: i32, k: i32, n: i32, dst: usize): void {
  const panels = (n + 7) >> 3;
  let d = dst;
  for (let p = 0; p < panels; p++) {
    for (let kk = 0; kk < k; kk++) {
      for (let j = 0; j < 8; j++) {
        const col = p * 8 + j;
        const v: f32 = col < n ? f32.load(src + ((<usize>kk * ldk + <usize>col * ldn) << 2)) : 0;
        f32.store(d, v);
        d += 4;
      }
    }
  }
}

/**
 * C[i, :] for rows i in [m0, m1): A [·, k] with row stride lda, B packed by `pack` (k, n), C with
 * row stride ldc (strides in floats), bias padded to a multiple of 8 (0: none).
 */
export function gemm(
  a: usize, lda: i32, bp: usize, k: i32, n: i32, c: usize, ldc: i32, bias: usize,
  m0: i32, m1: i32, mode: i32,
): void {
  const panels = (n + 7) >> 3;
  const panelBytes = <usize>k << 5;
  const la = <usize>lda << 2;
  const lc = <usize>ldc << 2;
  let i = m0;
  for (; i + MR <= m1; i += MR) {
    const last = i + MR - 1;
    const np = mode == CAUSAL_SCORES ? min(panels, (last >> 3) + 1) : panels;
    const kk = mode == CAUSAL_VALUES ? min(k, last + 1) : k;
    for (let p = 0; p < np; p++) {
      const cols = min(8, n - p * 8);
      const pa = a + <usize>i * la;
      const pc = c + <usize>i * lc + (<usize>p << 5);
      const pbias = bias ? bias + (<usize>p << 5) : 0;
      if (ASC_FEATURE_RELAXED_SIMD) tile6(pa, la, bp + <usize>p * panelBytes, kk, pc, lc, pbias, cols);
      else tile4(pa, la, bp + <usize>p * panelBytes, kk, pc, lc, pbias, cols);
    }
  }
  for (; i < m1; i++) {
    const np = mode == CAUSAL_SCORES ? min(panels, (i >> 3) + 1) : panels;
    const kk = mode == CAUSAL_VALUES ? min(k, i + 1) : k;
    for (let p = 0; p < np; p++) {
      const cols = min(8, n - p * 8);
      const pbias = bias ? bias + (<usize>p << 5) : 0;
      tile1(a + <usize>i * la, bp + <usize>p * panelBytes, kk, c + <usize>i * lc + (<usize>p << 5), pbias, cols);
    }
  }
}

function tile1(a: usize, b: usize, k: i32, c: usize, bias: usize, cols: i32): void {
  let c0 = bias ? v128.load(bias) : f32x4.splat(0);
  let c1 = bias ? v128.load(bias, 16) : f32x4.splat(0);
  let pb = b;
  for (let kk = 0; kk < k; kk++) {
    const x = v128.load32_splat(a + (<usize>kk << 2));
    c0 = madd(x, v128.load(pb), c0);
    c1 = madd(x, v128.load(pb, 16), c1);
    pb += 32;
  }
  store8(c, c0, c1, cols);
}

function tile4(a: usize, la: usize, b: usize, k: i32, c: usize, lc: usize, bias: usize, cols: i32): void {
  const i0 = bias ? v128.load(bias) : f32x4.splat(0);
  const i1 = bias ? v128.load(bias, 16) : f32x4.splat(0);
  let c00 = i0, c01 = i1, c10 = i0, c11 = i1, c20 = i0, c21 = i1, c30 = i0, c31 = i1;
  let a0 = a, a1 = a + la, a2 = a1 + la, a3 = a2 + la;
  let pb = b;
  for (let kk = 0; kk < k; kk++) {
    const w0 = v128.load(pb);
    const w1 = v128.load(pb, 16);
    let x = v128.load32_splat(a0);
    c00 = madd(x, w0, c00); c01 = madd(x, w1, c01);
    x = v128.load32_splat(a1);
    c10 = madd(x, w0, c10); c11 = madd(x, w1, c11);
    x = v128.load32_splat(a2);
    c20 = madd(x, w0, c20); c21 = madd(x, w1, c21);
    x = v128.load32_splat(a3);
    c30 = madd(x, w0, c30); c31 = madd(x, w1, c31);
    a0 += 4; a1 += 4; a2 += 4; a3 += 4;
    pb += 32;
  }
  store8(c, c00, c01, cols);
  store8(c + lc, c10, c11, cols);
  store8(c + 2 * lc, c20, c21, cols);
  store8(c + 3 * lc, c30, c31, cols);
}

function tile6(a: usize, la: usize, b: usize, k: i32, c: usize, lc: usize, bias: usize, cols: i32): void {
  const i0 = bias ? v128.load(bias) : f32x4.splat(0);
  const i1 = bias ? v128.load(bias, 16) : f32x4.splat(0);
  let c00 = i0, c01 = i1, c10 = i0, c11 = i1, c20 = i0, c21 = i1;
  let c30 = i0, c31 = i1, c40 = i0, c41 = i1, c50 = i0, c51 = i1;
  let a0 = a;
  let pb = b;
  const end = a + (<usize>k << 2);
  const la2 = la * 2, la3 = la * 3, la4 = la * 4, la5 = la * 5;
  while (a0 < end) {
    const w0 = v128.load(pb);
    const w1 = v128.load(pb, 16);
    let x = v128.load32_splat(a0);
    c00 = madd(x, w0, c00); c01 = madd(x, w1, c01);
    x = v128.load32_splat(a0 + la);
    c10 = madd(x, w0, c10); c11 = madd(x, w1, c11);
    x = v128.load32_splat(a0 + la2);
    c20 = madd(x, w0, c20); c21 = madd(x, w1, c21);
    x = v128.load32_splat(a0 + la3);
    c30 = madd(x, w0, c30); c31 = madd(x, w1, c31);
    x = v128.load32_splat(a0 + la4);
    c40 = madd(x, w0, c40); c41 = madd(x, w1, c41);
    x = v128.load32_splat(a0 + la5);
    c50 = madd(x, w0, c50); c51 = madd(x, w1, c51);
    a0 += 4;
    pb += 32;
  }
  store8(c, c00, c01, cols);
  store8(c + lc, c10, c11, cols);
  store8(c + 2 * lc, c20, c21, cols);
  store8(c + 3 * lc, c30, c31, cols);
  store8(c + 4 * lc, c40, c41, cols);
  store8(c + 5 * lc, c50, c51, cols);
}
