// Row softmax of scores ÷ √d_k: w = exp(x − max) / Σ exp(x − max) over each row's unmasked
// entries (the first i + 1 when causal); the masked ones are written as 0 so weights·V can read
// whole rows. The division is float32's, as the chapter's `/ keys.shape[-1]**0.5`.
import { sexp, vexp } from './exp';

/**
 * Rows [r0, r1) of s (row stride ld floats, n columns) into w (may be s). Masked entries are
 * zeroed up to the row's end (`zeroAll`) or 8 past the diagonal (enough for the product).
 */
export function softmax_rows(
  s: usize, w: usize, ld: i32, n: i32, r0: i32, r1: i32, causal: i32, div: f32, zeroAll: i32,
): void {
  const vdiv = f32x4.splat(div);
  for (let i = r0; i < r1; i++) {
    const ps = s + ((<usize>i * ld) << 2);
    const pw = w + ((<usize>i * ld) << 2);
    const len = causal ? min(i + 1, n) : n;
    const len4 = len & ~3;
    let vmax = f32x4.splat(-Infinity);
    let j = 0;
    for (; j < len4; j += 4) {
      const x = f32x4.div(v128.load(ps + (<usize>j << 2)), vdiv);
      v128.store(pw + (<usize>j << 2), x);
      vmax = f32x4.max(vmax, x);
    }
    let m = max(
      max(f32x4.extract_lane(vmax, 0), f32x4.extract_lane(vmax, 1)),
      max(f32x4.extract_lane(vmax, 2), f32x4.extract_lane(vmax, 3)),
    );
    for (; j < len; j++) {
      const x = f32.load(ps + (<usize>j << 2)) / div;
      f32.store(pw + (<usize>j << 2), x);
      m = max(m, x);
    }
    const vm = f32x4.splat(m);
    let vsum = f32x4.splat(0);
    for (j = 0; j < len4; j += 4) {
      const e = vexp(f32x4.sub(v128.load(pw + (<usize>j << 2)), vm));
      v128.store(pw + (<usize>j << 2), e);
      vsum = f32x4.add(vsum, e);
    }
    let sum =
      f32x4.extract_lane(vsum, 0) + f32x4.extract_lane(vsum, 1) +
      (f32x4.extract_lane(vsum, 2) + f32x4.extract_lane(vsum, 3));
    for (; j < len; j++) {
      const e = sexp(f32.load(pw + (<usize>j << 2)) - m);
      f32.store(pw + (<usize>j << 2), e);
      sum += e;
    }
    const vs = f32x4.splat(sum);
    for (j = 0; j < len4; j += 4) {
      v128.store(pw + (<usize>j << 2), f32x4.div(v128.load(pw + (<usize>j << 2)), vs));
    }
    for (; j < len; j++) f32.store(pw + (<usize>j << 2), f32.load(pw + (<usize>j << 2)) / sum);
    const zeroEnd = zeroAll ? n : min(n, len + 8);
    for (j = len; j < zeroEnd; j++) f32.store(pw + (<usize>j << 2), 0);
  }
}
