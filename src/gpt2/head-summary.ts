/**
 * Per-head summaries of causal attention weights [heads, T, T]: how spread out each head's
 * attention is (mean entropy of a row, in nats; 0 = looks at one token) and how far back it
 * looks (mean over queries of Σ_j w_ij · (i − j), in tokens).
 */
export interface HeadSummary {
  entropy: number[];
  lookback: number[];
}

export function summarizeHeads(weights: Float32Array, heads: number, t: number): HeadSummary {
  const entropy: number[] = [];
  const lookback: number[] = [];
  for (let h = 0; h < heads; h++) {
    let e = 0;
    let back = 0;
    for (let i = 0; i < t; i++) {
      const row = h * t * t + i * t;
      for (let j = 0; j <= i; j++) {
        const w = weights[row + j];
        if (w > 0) e -= w * Math.log(w);
        back += w * (i - j);
      }
    }
    entropy.push(t > 0 ? e / t : 0);
    lookback.push(t > 0 ? back / t : 0);
  }
  return { entropy, lookback };
}
