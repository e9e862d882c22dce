// exp(x) for x ≤ 0 (softmax after subtracting the row's maximum), to float32 rounding: Cephes'
// expf: x = n·ln2 + r with ln2 split in two (C1 exact in few bits), a degree-6 polynomial for
// e^r, then 2^n built in the exponent bits. Below −87.3 (2^n subnormal) the result is 0.

// @ts-ignore: decorator
@inline const LOG2E: f32 = 1.44269504088896341;
// @ts-ignore: decorator
@inline const C1: f32 = 0.693359375;
// @ts-ignore: decorator
@inline const C2: f32 = -2.12194440e-4;
// @ts-ignore: decorator
@inline const LOW: f32 = -87.33654;

// @ts-ignore: decorator
@inline
export function vexp(x0: v128): v128 {
  const tooLow = f32x4.lt(x0, f32x4.splat(LOW));
  const x1 = f32x4.max(x0, f32x4.splat(LOW));
  const n = f32x4.nearest(f32x4.mul(x1, f32x4.splat(LOG2E)));
  let x = f32x4.sub(x1, f32x4.mul(n, f32x4.splat(C1)));
  x = f32x4.sub(x, f32x4.mul(n, f32x4.splat(C2)));
  const z = f32x4.mul(x, x);
  let y = f32x4.splat(1.98756915e-4);
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(1.3981999507e-3));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(8.3334519073e-3));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(4.1665795894e-2));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(1.6666665459e-1));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(5.0000001201e-1));
  y = f32x4.add(f32x4.add(f32x4.mul(y, z), x), f32x4.splat(1));
  const pow2n = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return v128.andnot(f32x4.mul(y, pow2n), tooLow);
}

/** The same function on one lane (row tails). */
export function sexp(x: f32): f32 {
  return f32x4.extract_lane(vexp(f32x4.splat(x)), 0);
}

/** dst[i] = exp(src[i]) for n floats (exported for the accuracy test). */
export function exp_array(src: usize, dst: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(dst + (<usize>i << 2), vexp(v128.load(src + (<usize>i << 2))));
  for (; i < n; i++) f32.store(dst + (<usize>i << 2), sexp(f32.load(src + (<usize>i << 2))));
}
