// Multiply-add and partial stores shared by the kernels. The FMA build (relaxed SIMD) fuses the
// multiply-add; the plain build rounds twice. ASC_FEATURE_RELAXED_SIMD is a compile-time constant.

// @ts-ignore: decorator
@inline
export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** Stores the first `cols` (0–8) lanes of lo‖hi at `p` (edge tiles of a matrix). */
// @ts-ignore: decorator
// @ts-ignore: decorator
@inline
export function storePartial(p: usize, lo: v128, hi: v128, cols: i32): void {
  if (cols >= 4) {
    v128.store(p, lo);
    if (cols > 4) f32.store(p, f32x4.extract_lane(hi, 0), 16);
    if (cols > 5) f32.store(p, f32x4.extract_lane(hi, 1), 20);
    if (cols > 6) f32.store(p, f32x4.extract_lane(hi, 2), 24);
    return;
  }
  if (cols > 0) f32.store(p, f32x4.extract_lane(lo, 0));
  if (cols > 1) f32.store(p, f32x4.extract_lane(lo, 1), 4);
  if (cols > 2) f32.store(p, f32x4.extract_lane(lo, 2), 8);
}

// @ts-ignore: decorator
@inline
export function store8(p: usize, lo: v128, hi: v128, cols: i32): void {
  if (cols == 8) {
    v128.store(p, lo);
    v128.store(p, hi, 16);
  } else {
    storePartial(p, lo, hi, cols);
  }
}
