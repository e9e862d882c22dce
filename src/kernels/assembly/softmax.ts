// Row softmax of scores ÷ √d_k: w = exp(x − max) / Σ exp(x − max) over each row's unmasked
// entries (the first i + 1 when causal); the masked ones are written as 0 so weights·V can read
// whole rows. The division is float32's, as the chapter's `/ keys.shape[-1]**0.5`.
import { sexp, vexp } from './exp';

/**
 * Rows [r0, r1) of s (row stride ld floats, n columns) into w (may be s). Masked entries are
 * zeroed up to the row's end (`zeroAll`) or 8 past the diagonal (enough for the product).
 * `stats` (0: none) receives two float32 per row i: the entropy −Σ w·ln w of its weights, in
 * nats, and Σ w_j·j, the mean key index it looks at — from the exponentials already at hand
 * (with d = x − max, e = exp(d), Z = Σ e: −Σ w·ln w = ln Z − Σ e·d / Z), not one log a weight.
 */
export function softmax_rows(
  s: usize, w: usize, ld: i32, n: i32, r0: i32, r1: i32, causal: i32, div: f32, zeroAll: i32,
  stats: usize,
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
    // Σ e·d and Σ e·j, for `stats` only (the sum's order, hence the weights, is the same).
    let ved = f32x4.splat(0);
    let vej = f32x4.splat(0);
    if (stats) {
      let vj = f32x4(0, 1, 2, 3);
      for (j = 0; j < len4; j += 4) {
        const d = f32x4.sub(v128.load(pw + (<usize>j << 2)), vm);
        const e = vexp(d);
        v128.store(pw + (<usize>j << 2), e);
        vsum = f32x4.add(vsum, e);
        ved = f32x4.add(ved, f32x4.mul(e, d));
        vej = f32x4.add(vej, f32x4.mul(e, vj));
        vj = f32x4.add(vj, f32x4.splat(4));
      }
    } else {
      for (j = 0; j < len4; j += 4) {
        const e = vexp(f32x4.sub(v128.load(pw + (<usize>j << 2)), vm));
        v128.store(pw + (<usize>j << 2), e);
        vsum = f32x4.add(vsum, e);
      }
    }
    let sum =
      f32x4.extract_lane(vsum, 0) + f32x4.extract_lane(vsum, 1) +
      (f32x4.extract_lane(vsum, 2) + f32x4.extract_lane(vsum, 3));
    let ed = hsum(ved);
    let ej = hsum(vej);
    for (; j < len; j++) {
      const d = f32.load(pw + (<usize>j << 2)) - m;
      const e = sexp(d);
      f32.store(pw + (<usize>j << 2), e);
      sum += e;
      ed += <f64>e * <f64>d;
      ej += <f64>e * <f64>j;
    }
    if (stats) rowStats(stats + (<usize>i << 3), sum, ed, ej);
    const vs = f32x4.splat(sum);
    for (j = 0; j < len4; j += 4) {
      v128.store(pw + (<usize>j << 2), f32x4.div(v128.load(pw + (<usize>j << 2)), vs));
    }
    for (; j < len; j++) f32.store(pw + (<usize>j << 2), f32.load(pw + (<usize>j << 2)) / sum);
    const zeroEnd = zeroAll ? n : min(n, len + 8);
    for (j = len; j < zeroEnd; j++) f32.store(pw + (<usize>j << 2), 0);
  }
}

@inline
function hsum(v: v128): f64 {
  return (
    <f64>f32x4.extract_lane(v, 0) + <f64>f32x4.extract_lane(v, 1) +
    (<f64>f32x4.extract_lane(v, 2) + <f64>f32x4.extract_lane(v, 3))
  );
}

/** A row's entropy ln Z − Σ e·d / Z (at least 0) and its mean key index Σ e·j / Z, at `p`. */
function rowStats(p: usize, z: f32, ed: f64, ej: f64): void {
  const zd = <f64>z;
  f32.store(p, <f32>max(0, ln(zd) - ed / zd));
  f32.store(p + 4, <f32>(ej / zd));
}

/**
 * ln x for a row's Z (1 ≤ Z ≤ its length: the largest term is exp(0)): x = 2^k·m with m in
 * [√½, √2), ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| < 0.172, its odd series to s^23
 * (error below 1e-17). Not the library's table-driven log: 5 KB of module for one call a row.
 */
function ln(x: f64): f64 {
  const bits = reinterpret<u64>(x);
  let k = <i32>((bits >> 52) & 0x7ff) - 1023;
  let m = reinterpret<f64>((bits & 0x000fffffffffffff) | 0x3ff0000000000000);
  if (m > Math.SQRT2) {
    m *= 0.5;
    k++;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = s;
  for (let n = 3; n <= 23; n += 2) {
    term *= s2;
    sum += term / <f64>n;
  }
  return 2 * sum + <f64>k * Math.LN2;
}
