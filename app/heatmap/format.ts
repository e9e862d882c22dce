/** How heatmap values are printed: the one formatter of src/chapter/format.ts. */
import { formatNumber, formatSci, notationOf } from '../../src/chapter/format.ts';

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
  return formatSci(value, 1, 'math');
}

/** In the tables: "-inf" as PyTorch prints it, so a copied row reads like the book. */
export const formatCell = (value: number): string => formatNumber(value);

/** How one tensor's values print: in its cells, legend and readout, and in its table. */
export interface Printer {
  cell(value: number): string;
  table(value: number): string;
}

/**
 * 'book': 4 decimals always, as the chapter prints its tensors. 'torch': as PyTorch prints the
 * tensor (a training page's gradients shrink to ~1e-5, which 4 decimals would show as 0.0000).
 */
export type Printing = 'book' | 'torch';

const BOOK: Printer = { cell: formatValue, table: formatCell };

/** Ways to print a cell, most digits first: a tensor takes the first all its cells have room for. */
const FIXED_CELLS = [4, 3, 2, 1, 0].map((d) => (v: number) => formatNumber(v, 'math', d));
// An exact 0 (a weight no path reaches) reads as 0 among 1.0e-6s, not as 0.0e0.
const SCI_CELLS = [1, 0].map((d) => (v: number) => (v === 0 ? '0' : formatSci(v, d, 'math')));

function fitting(values: ArrayLike<number>, ways: ((v: number) => string)[]) {
  const fits = (way: (v: number) => string) => {
    for (let i = 0; i < values.length; i++) if (way(values[i]).length > CELL_CHARS) return false;
    return true;
  };
  return ways.find(fits) ?? ways[ways.length - 1];
}

/**
 * The printer of a whole tensor, so all its cells share one notation and one number of digits.
 * 'torch': the table prints as PyTorch does (4 decimals, or "-3.2146e-05" for the whole tensor),
 * the cells as many of those digits as every cell has room for ("-3.2e-5").
 */
export function printerFor(values: ArrayLike<number>, printing: Printing = 'book'): Printer {
  if (printing === 'book') return BOOK;
  if (notationOf(values) === 'sci') {
    return { cell: fitting(values, SCI_CELLS), table: (v) => formatSci(v, 4) };
  }
  return { cell: fitting(values, [...FIXED_CELLS, ...SCI_CELLS]), table: formatCell };
}
