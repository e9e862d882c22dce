/** Sizes of a heatmap picture, from its shape and labels: big cells with numbers when small. */

export interface Layout {
  cell: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Print each value inside its cell. */
  printed: boolean;
  /** Column labels turned 45° because they do not fit under a cell. */
  rotated: boolean;
  legendY: number;
}

/** Values are printed up to this many rows and columns; past it the cells get too small. */
export const PRINT_LIMIT = 12;
const CHAR = 7;
/** The legend needs room for its two end labels even under a one-column matrix. */
export const LEGEND_MIN = 110;
export const MAX_LABEL = 12;

export function shortLabel(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

const longest = (labels: readonly string[]) =>
  Math.max(1, ...labels.map((l) => shortLabel(l).length));

export function layout(rows: readonly string[], cols: readonly string[]): Layout {
  const printed = rows.length <= PRINT_LIMIT && cols.length <= PRINT_LIMIT;
  const cell = printed
    ? 52
    : Math.max(12, Math.min(40, Math.floor(560 / Math.max(rows.length, cols.length))));
  const left = Math.min(110, 18 + longest(rows) * CHAR);
  const colChars = longest(cols) * CHAR;
  const rotated = colChars > cell;
  const top = rotated ? 24 + Math.min(80, colChars * 0.72) : 40;
  const legendY = top + rows.length * cell + 12;
  return {
    cell,
    left,
    top,
    width: left + Math.max(cols.length * cell, LEGEND_MIN) + 10,
    height: legendY + 34,
    printed,
    rotated,
    legendY,
  };
}
