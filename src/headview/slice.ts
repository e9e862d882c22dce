/**
 * What the head view reads of one head: a block of its attention weights, rows = queries and
 * columns = keys, which may be a part of the T × T matrix (a one-query step holds one row; the
 * GPT-2 step holds only the window of tokens on screen).
 */
export interface HeadSlice {
  /** The head (0-based). */
  head: number;
  /** Row-major rows × cols weights. */
  values: Float32Array;
  rows: number;
  cols: number;
  /** Token index of the first row and of the first column. */
  rowStart: number;
  colStart: number;
  /** Per row, the weight that goes to keys outside the block (null when the block is whole). */
  outside: Float32Array | null;
}

/** The weight of query → key in a slice, or null when the slice does not hold that pair. */
export function weightAt(s: HeadSlice, query: number, key: number): number | null {
  const r = query - s.rowStart;
  const c = key - s.colStart;
  if (r < 0 || r >= s.rows || c < 0 || c >= s.cols) return null;
  return s.values[r * s.cols + c];
}

/** Rows [rowStart, rowStart + rows) and their keys in [colStart, colStart + cols) of a [T, T] head. */
export function sliceOf(
  head: number,
  weights: Float32Array,
  t: number,
  start: number,
  size: number,
): HeadSlice {
  const values = new Float32Array(size * size);
  const outside = new Float32Array(size);
  for (let r = 0; r < size; r++) {
    const row = (start + r) * t;
    let kept = 0;
    for (let c = 0; c < size; c++) {
      const w = weights[row + start + c];
      values[r * size + c] = w;
      kept += w;
    }
    let all = 0;
    for (let j = 0; j < t; j++) all += weights[row + j];
    outside[r] = Math.max(0, all - kept);
  }
  return { head, values, rows: size, cols: size, rowStart: start, colStart: start, outside };
}
