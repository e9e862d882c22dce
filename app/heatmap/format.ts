/** How heatmap values are printed: the one formatter of src/chapter/format.ts. */
import { formatNumber } from '../../src/chapter/format.ts';

/** Characters a printed value may take inside a heatmap cell. */
export const CELL_CHARS = 7;

/**
 * On the picture: −∞ as the maths sign, and short enough for its cell: 4 decimals while they
 * fit, fewer for larger numbers, then 1.0e6 (the table beside it keeps every digit).
 */
export function formatValue(value: number): string {
  const full = formatNumber(value, 'math');
  if (full.length <= CELL_CHARS) return full;
  for (let digits = 3; digits >= 1; digits--) {
    const text = value.toFixed(digits);
    if (text.length <= CELL_CHARS) return text;
  }
  return value.toExponential(1).replace('e+', 'e');
}

/** In the tables: "-inf" as PyTorch prints it, so a copied row reads like the book. */
export const formatCell = (value: number): string => formatNumber(value);
