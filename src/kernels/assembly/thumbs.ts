// A causal weight map shrunk to an S × S thumbnail by block maxima: pixel (a, b) is the largest
// weight of the rows i with ⌊i·S/T⌋ = a and the keys j with ⌊j·S/T⌋ = b (j ≤ i), so a sharp
// diagonal or one bright key survives the shrinking. Block b's keys start at ⌈b·T/S⌉.

@inline
function blockStart(b: i32, t: i32, s: i32): i32 {
  return <i32>((<i64>b * t + s - 1) / s);
}

/**
 * Rows [r0, r1) of one [T, T] map `w` (row stride T, keys j ≤ i read) into the S × S
 * thumbnail `dst`, each pixel raised to the largest weight it covers: the pixels of the row
 * blocks these rows fall in are to be zeroed first, or hold the maxima of the block's other rows.
 */
function block_max(w: usize, t: i32, s: i32, dst: usize, r0: i32, r1: i32): void {
  for (let i = r0; i < r1; i++) {
    const row = w + ((<usize>i * t) << 2);
    const pixels = dst + ((<usize>(<i32>((<i64>i * s) / t)) * s) << 2);
    let lo = 0;
    for (let b = 0; b < s && lo <= i; b++) {
      const next = blockStart(b + 1, t, s);
      const hi = min(next, i + 1);
      let vm = f32x4.splat(0);
      let j = lo;
      for (; j + 4 <= hi; j += 4) vm = f32x4.max(vm, v128.load(row + (<usize>j << 2)));
      let m = max(
        max(f32x4.extract_lane(vm, 0), f32x4.extract_lane(vm, 1)),
        max(f32x4.extract_lane(vm, 2), f32x4.extract_lane(vm, 3)),
      );
      for (; j < hi; j++) m = max(m, f32.load(row + (<usize>j << 2)));
      const p = pixels + (<usize>b << 2);
      f32.store(p, max(f32.load(p), m));
      lo = next;
    }
  }
}

/**
 * The thumbnail's pixel rows from the one holding map row `from` on, made again (zeroed, then
 * the block maxima of their rows, from the first row of `from`'s block): `from` 0 makes all of
 * it; an edit's first changed row makes only what it changed.
 */
export function thumbnail(w: usize, t: i32, s: i32, dst: usize, from: i32): void {
  const a0 = <i32>((<i64>from * s) / t);
  const end = dst + ((<usize>s * s) << 2);
  for (let p = dst + ((<usize>a0 * s) << 2); p < end; p += 4) f32.store(p, 0);
  block_max(w, t, s, dst, blockStart(a0, t, s), t);
}
