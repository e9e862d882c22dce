/**
 * A panel's matrix as text to paste elsewhere: a PyTorch tensor literal, a NumPy array, CSV or
 * JSON. Framework-free, so the tests check exactly what the page copies.
 */
import { formatFinite, type Precision } from './numbers.ts';

/** What an export needs of a panel: its name, labels and row-major values. */
export interface Matrix {
  label: string;
  rows: readonly string[];
  cols: readonly string[];
  values: Float32Array;
}

export type ExportFormat = 'torch' | 'numpy' | 'csv' | 'json';

type Spell = (value: number) => string;

function nested(m: Matrix, spell: Spell, indent: string): string {
  const lines = m.rows.map((_, r) => {
    const row = Array.from(m.values.subarray(r * m.cols.length, (r + 1) * m.cols.length), spell);
    return `[${row.join(', ')}]`;
  });
  return `[${lines.join(`,\n${indent}`)}]`;
}

function special(value: number, inf: string, nan: string): string | null {
  if (Number.isNaN(value)) return nan;
  if (value === Number.POSITIVE_INFINITY) return inf;
  if (value === Number.NEGATIVE_INFINITY) return `-${inf}`;
  return null;
}

/** `torch.tensor([[…]])`; −∞ as float('-inf'), NaN as float('nan'). */
export function toTorch(m: Matrix, precision: Precision): string {
  const spell: Spell = (v) =>
    Number.isNaN(v)
      ? "float('nan')"
      : v === Number.POSITIVE_INFINITY
        ? "float('inf')"
        : v === Number.NEGATIVE_INFINITY
          ? "float('-inf')"
          : formatFinite(v, precision);
  return `torch.tensor(${nested(m, spell, '              ')})`;
}

/** `np.array([[…]], dtype=np.float32)`; −∞ as -np.inf, NaN as np.nan. */
export function toNumpy(m: Matrix, precision: Precision): string {
  const spell: Spell = (v) => special(v, 'np.inf', 'np.nan') ?? formatFinite(v, precision);
  return `np.array(${nested(m, spell, '          ')}, dtype=np.float32)`;
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row of column labels, then one row per label; -inf and nan as Python reads them. */
export function toCsv(m: Matrix, precision: Precision): string {
  const spell: Spell = (v) => special(v, 'inf', 'nan') ?? formatFinite(v, precision);
  const head = ['', ...m.cols].map(csvField).join(',');
  const body = m.rows.map((r, i) =>
    [
      csvField(r),
      ...Array.from(m.values.subarray(i * m.cols.length, (i + 1) * m.cols.length), spell),
    ].join(','),
  );
  return `${[head, ...body].join('\n')}\n`;
}

/** JSON has no ∞ or NaN: they are the strings "-inf", "inf", "nan", as in the oracle's files. */
export function toJson(m: Matrix, precision: Precision): string {
  const spell = (v: number) => special(v, 'inf', 'nan') ?? Number(formatFinite(v, precision));
  const values = m.rows.map((_, r) =>
    Array.from(m.values.subarray(r * m.cols.length, (r + 1) * m.cols.length), spell),
  );
  return JSON.stringify({ name: m.label, rows: m.rows, cols: m.cols, values });
}

export function formatMatrix(m: Matrix, format: ExportFormat, precision: Precision): string {
  if (format === 'torch') return toTorch(m, precision);
  if (format === 'numpy') return toNumpy(m, precision);
  if (format === 'csv') return toCsv(m, precision);
  return toJson(m, precision);
}
