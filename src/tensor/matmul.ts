/**
 * Matrix products on row-major Float32Array slices. Sums run in float64 (JS numbers) and are
 * rounded to float32 once per result: products of two float32 values are exact in float64, so
 * this stays within PyTorch's own float32 rounding of the same sums.
 */

/** out[m, n] = a[m, k] @ b[k, n]. */
export function matmul(
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
  out: Float32Array = new Float32Array(m * n),
): Float32Array {
  const acc = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    acc.fill(0);
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      if (aip === 0) continue;
      const row = p * n;
      for (let j = 0; j < n; j++) acc[j] += aip * b[row + j];
    }
    out.set(acc, i * n);
  }
  return out;
}

/** out[m, n] = a[m, k] @ b[n, k]ᵀ: every result is one dot product of two contiguous rows. */
export function matmulTransB(
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
  out: Float32Array = new Float32Array(m * n),
): Float32Array {
  for (let i = 0; i < m; i++) {
    const ai = i * k;
    for (let j = 0; j < n; j++) {
      const bj = j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += a[ai + p] * b[bj + p];
      out[i * n + j] = s;
    }
  }
  return out;
}

/**
 * `nn.Linear` forward: out[rows, n] = x[rows, k] @ weight[n, k]ᵀ + bias, with weight in
 * torch's [out_features, in_features] layout.
 */
export function linear(
  x: Float32Array,
  weight: Float32Array,
  bias: Float32Array | null,
  rows: number,
  k: number,
  n: number,
): Float32Array {
  const out = matmulTransB(x, weight, rows, k, n);
  if (bias) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < n; j++) out[i * n + j] = out[i * n + j] + bias[j];
    }
  }
  return out;
}

/** The transpose of a row-major [rows, cols] matrix. */
export function transpose(a: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j];
  }
  return out;
}
