/**
 * Row-wise softmax over the last axis of a [rows, n] slice, written in place into `out`.
 *
 * The stable form subtracts each row's maximum before exponentiating, so exp never overflows
 * and a row of −∞ except one entry still works (the causal mask relies on that). The naive
 * form, exp(x) / Σ exp(x) in float32, is here only for the lesson: past x ≈ 88.7, exp(x)
 * overflows float32 and the row becomes NaN.
 */
export function softmaxRows(
  x: Float32Array,
  rows: number,
  n: number,
  out: Float32Array = new Float32Array(rows * n),
): Float32Array {
  const e = new Float64Array(n);
  for (let i = 0; i < rows; i++) {
    const base = i * n;
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < n; j++) if (x[base + j] > max) max = x[base + j];
    let sum = 0;
    for (let j = 0; j < n; j++) {
      e[j] = Math.exp(x[base + j] - max);
      sum += e[j];
    }
    for (let j = 0; j < n; j++) out[base + j] = e[j] / sum;
  }
  return out;
}

/** exp(x) / Σ exp(x), in float32 as a naive implementation would compute it. */
export function naiveSoftmaxRows(
  x: Float32Array,
  rows: number,
  n: number,
  out: Float32Array = new Float32Array(rows * n),
): Float32Array {
  const f32 = Math.fround;
  for (let i = 0; i < rows; i++) {
    const base = i * n;
    let sum = 0;
    for (let j = 0; j < n; j++) sum = f32(sum + f32(Math.exp(x[base + j])));
    for (let j = 0; j < n; j++) out[base + j] = f32(Math.exp(x[base + j])) / sum;
  }
  return out;
}
