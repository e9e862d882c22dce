/**
 * float32 fused multiply-add, a*b + c rounded once, for float32 inputs.
 *
 * PyTorch's AVX2 uniform kernel is compiled with FMA contraction, so `uniform_` computes
 * fma(x, b - a, a). Rounding a*b + c first to double and then to float32 ("double rounding")
 * gets the last bit wrong when the double lands exactly halfway between two float32 values;
 * we carry the exact rounding error (TwoSum) to break such ties the right way.
 */
const f32 = Math.fround;
const scratch = new Float32Array(1);
const bits = new Uint32Array(scratch.buffer);

/** The float32 adjacent to `x` (a float32) in the direction of `towards`. */
function nextFloat32(x: number, towards: number): number {
  if (x === towards) return x;
  if (x === 0) return towards > 0 ? 1.401298464324817e-45 : -1.401298464324817e-45;
  scratch[0] = x;
  bits[0] += x < towards === x > 0 ? 1 : -1;
  return scratch[0];
}

export function fma32(a: number, b: number, c: number): number {
  const p = a * b; // exact: two 24-bit significands fit in 53 bits
  const s = p + c;
  // TwoSum: s + err === p + c exactly.
  const bb = s - p;
  const err = p - (s - bb) + (c - bb);
  const r = f32(s);
  if (err === 0 || r === s) return r;
  const other = nextFloat32(r, s);
  // s is a tie between r and other only if it sits exactly halfway; then err decides.
  if (s - r !== other - s) return r;
  const towardsOther = other > r === err > 0;
  return towardsOther ? other : r;
}
