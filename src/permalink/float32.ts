/**
 * Embedding values travel at float32 precision, the precision the engine computes in. Each value
 * is written as the shortest decimal that still names the same float32, so 0.43 stays "0.43"
 * (not 0.4300000071525574) and a random value costs at most 9 significant digits.
 */

/**
 * The shortest decimal (as a double) that rounds to the same float32 as `x`.
 * Idempotent, so a value read from a link is written back unchanged; maps -0 to 0.
 * Non-finite values are returned as they are (the decoder never lets them through).
 */
export function toFloat32Decimal(x: number): number {
  const single = Math.fround(x);
  if (single === 0) return 0;
  if (!Number.isFinite(single)) return single;
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(single.toPrecision(digits));
    if (Math.fround(candidate) === single) return candidate;
  }
  // 9 significant digits always identify a float32 uniquely.
  return Number(single.toPrecision(9));
}
