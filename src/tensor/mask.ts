/**
 * The causal mask: query i may attend to keys 0..i only. Entries above the diagonal of each
 * [T, T] block are replaced by −∞ (so softmax gives them exactly 0).
 */
export function maskAboveDiagonal(scores: Float32Array, t: number, fill: number): Float32Array {
  const out = scores.slice();
  const blocks = scores.length / (t * t);
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < t; i++) {
      const row = b * t * t + i * t;
      for (let j = i + 1; j < t; j++) out[row + j] = fill;
    }
  }
  return out;
}

/** `torch.tril(torch.ones(T, T))`: 1 on and below the diagonal, 0 above. */
export function lowerTriangle(t: number): Float32Array {
  const out = new Float32Array(t * t);
  for (let i = 0; i < t; i++) for (let j = 0; j <= i; j++) out[i * t + j] = 1;
  return out;
}
