import type { Tensor } from '../../tensor/tensor.ts';

/** The [R, C] matrix of batch item `b`, head `h` of a [batch, heads, R, C] tensor (a view). */
export function block(t: Tensor, b = 0, h = 0): Float32Array {
  const [, heads, rows, cols] = t.shape;
  const size = rows * cols;
  const start = (b * heads + h) * size;
  return t.data.subarray(start, start + size);
}

/** The [R, C] matrix of batch item `b` of a [batch, R, C] tensor (a view). */
export function item(t: Tensor, b = 0): Float32Array {
  const [, rows, cols] = t.shape;
  return t.data.subarray(b * rows * cols, (b + 1) * rows * cols);
}

/** Row `r` of a row-major matrix with `cols` columns (a view). */
export function rowOf(m: Float32Array, r: number, cols: number): Float32Array {
  return m.subarray(r * cols, (r + 1) * cols);
}

/** Column `c` of a row-major matrix with `cols` columns (a copy). */
export function colOf(m: Float32Array, c: number, cols: number): Float32Array {
  const rows = m.length / cols;
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) out[r] = m[r * cols + c];
  return out;
}

/** Labels "dim 1" … "dim n" for the columns of a vector panel. */
export function dimLabels(n: number, prefix = 'dim'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);
}
