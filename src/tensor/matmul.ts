/**
 * Matrix products on row-major Float32Array slices. Sums run in float64 (JS numbers) and are
 * rounded to float32 once per result: products of two float32 values are exact in float64, so
 * this stays within PyTorch's own float32 rounding of the same sums.
 *
 * The engine's numbers are checked bit for bit against fixtures, so every output element is
 * always the same float64 sum, term by term in p = 0, 1, …, k − 1 order, rounded once when
 * stored. Speed comes from grouping, never reordering: a 4×4 tile of outputs keeps 16 float64
 * accumulators in registers, so each loaded a/b value feeds 4 products instead of 1 (V8 spends
 * more on a typed-array load than on the multiply-add itself). `matmul` also skips the runs of
 * zero weights that causal masking leaves, as its reference loop did.
 */

/**
 * out[m, n] = a[m, k] times b, each product with its own layout of b; `out` is written in place
 * (a new array when left out) and returned.
 */
export type MatrixProduct = (
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
  out?: Float32Array,
) => Float32Array;

/** Rows per tile and columns per tile of the register-blocked kernel. */
const TILE = 4;

/**
 * out[i, j] = Σ a[i, p] · bt[j, p] over p in [lo[i], hi[i]) (all of [0, k) when lo/hi are null),
 * with a [m, k] and bt [n, k] row-major.
 */
function dotTiles(
  a: Float32Array,
  bt: Float32Array,
  m: number,
  k: number,
  n: number,
  out: Float32Array,
  lo: Int32Array | null,
  hi: Int32Array | null,
): void {
  const m4 = m - (m % TILE);
  const n4 = n - (n % TILE);
  for (let i = 0; i < m4; i += TILE) {
    // A tile's p range is the union of its rows' ranges; see matmul for why that is exact.
    const p0 = lo ? Math.min(lo[i], lo[i + 1], lo[i + 2], lo[i + 3]) : 0;
    const p1 = hi ? Math.max(hi[i], hi[i + 1], hi[i + 2], hi[i + 3]) : k;
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    const o0 = i * n;
    for (let j = 0; j < n4; j += TILE) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      // biome-ignore format: one line per tile row
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0,
        s10 = 0, s11 = 0, s12 = 0, s13 = 0,
        s20 = 0, s21 = 0, s22 = 0, s23 = 0,
        s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      // biome-ignore format: one line per tile row
      for (let p = p0; p < p1; p++) {
        const x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
        const y0 = bt[b0 + p], y1 = bt[b1 + p], y2 = bt[b2 + p], y3 = bt[b3 + p];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
        s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
        s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
      }
      // Float32Array stores round each float64 sum to float32 exactly once.
      const o = o0 + j;
      // biome-ignore format: one line per tile row
      {
        out[o] = s00; out[o + 1] = s01; out[o + 2] = s02; out[o + 3] = s03;
        out[o + n] = s10; out[o + n + 1] = s11; out[o + n + 2] = s12; out[o + n + 3] = s13;
        const o2 = o + 2 * n, o3 = o2 + n;
        out[o2] = s20; out[o2 + 1] = s21; out[o2 + 2] = s22; out[o2 + 3] = s23;
        out[o3] = s30; out[o3 + 1] = s31; out[o3 + 2] = s32; out[o3 + 3] = s33;
      }
    }
    for (let r = i; r < i + TILE; r++) {
      for (let j = n4; j < n; j++) out[r * n + j] = dot(a, r * k, bt, j * k, p0, p1);
    }
  }
  for (let i = m4; i < m; i++) {
    const p0 = lo ? lo[i] : 0;
    const p1 = hi ? hi[i] : k;
    for (let j = 0; j < n; j++) out[i * n + j] = dot(a, i * k, bt, j * k, p0, p1);
  }
}

/** The edge elements that do not fill a tile: one float64 dot product in p order. */
function dot(a: Float32Array, ai: number, b: Float32Array, bj: number, p0: number, p1: number) {
  let s = 0;
  for (let p = p0; p < p1; p++) s += a[ai + p] * b[bj + p];
  return s;
}

/**
 * out[m, n] = a[m, k] @ b[k, n]. Zero entries of `a` (the causal mask's weights, dropped-out
 * ones) contribute nothing, which lets each row skip its leading and trailing zeros.
 */
export const matmul: MatrixProduct = (a, b, m, k, n, out = new Float32Array(m * n)) => {
  // bᵀ makes both operands of every dot product contiguous, as in matmulTransB.
  const bt = new Float32Array(n * k);
  let finite = true;
  for (let p = 0; p < k; p++) {
    const row = p * n;
    for (let j = 0; j < n; j++) {
      const v = b[row + j];
      if (v - v !== 0) finite = false; // NaN exactly when v is ±Infinity or NaN
      bt[j * k + p] = v;
    }
  }
  // The reference skips a[i, p] === 0. With finite b, including such a term instead adds ±0 to a
  // sum that started at +0 and so is never −0: the sum is unchanged. So only the zeros outside
  // [lo, hi) need skipping, and for a causal row those are the whole masked tail. With a
  // non-finite b, 0 · ∞ = NaN would leak in, so that case keeps the reference loop.
  if (!finite) return matmulSkipZeros(a, b, m, k, n, out);
  const lo = new Int32Array(m);
  const hi = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const ai = i * k;
    let p0 = 0;
    while (p0 < k && a[ai + p0] === 0) p0++;
    let p1 = k;
    while (p1 > p0 && a[ai + p1 - 1] === 0) p1--;
    lo[i] = p0;
    hi[i] = p1;
  }
  dotTiles(a, bt, m, k, n, out, lo, hi);
  return out;
};

/** The reference a @ b: row-block accumulation that skips every zero of `a`. */
const matmulSkipZeros: MatrixProduct = (a, b, m, k, n, out = new Float32Array(m * n)) => {
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
};

/** out[m, n] = a[m, k] @ b[n, k]ᵀ: every result is one dot product of two contiguous rows. */
export const matmulTransB: MatrixProduct = (a, b, m, k, n, out = new Float32Array(m * n)) => {
  dotTiles(a, b, m, k, n, out, null, null);
  return out;
};

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
    // Like torch, the bias is added to the already-rounded product (two float32 roundings).
    for (let i = 0; i < rows; i++) {
      const o = i * n;
      for (let j = 0; j < n; j++) out[o + j] = out[o + j] + bias[j];
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
