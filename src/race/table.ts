/** The race's results as words and a Markdown table: what "Copy table" puts on the clipboard. */
import { relativeDiff } from './accuracy.ts';
import { IMPL_SHORT } from './implementations.ts';
import { isMeasured, type RaceRow } from './protocol.ts';

/** Times and rates to 3 significant digits (whole numbers from 100). */
export function threeDigits(x: number): string {
  return x >= 100 ? x.toFixed(0) : x.toPrecision(3);
}

/** |Δ| in scientific notation (0 stays 0). */
export function formatDiff(x: number): string {
  return x === 0 ? '0' : x.toExponential(1);
}

export const TABLE_HEADERS = [
  'implementation',
  'T',
  'd',
  'ms per pass',
  'runs',
  'max |Δ|',
  'max |Δ| / scale',
  'GFLOP/s',
  '% of peak',
] as const;

/** One row's cells, as the page's table and the Markdown table both show them. */
export function rowCells(row: RaceRow, peak: number | null): string[] {
  const head = [IMPL_SHORT[row.impl], String(row.T), String(row.d)];
  if (!isMeasured(row)) return [...head, row.skipped, '', '', '', '', ''];
  return [
    ...head,
    threeDigits(row.median_ms),
    String(row.runs),
    formatDiff(row.max_abs_diff),
    formatDiff(relativeDiff(row)),
    threeDigits(row.gflops),
    peak ? `${((100 * row.gflops) / peak).toFixed(0)} %` : '',
  ];
}

export function markdownTable(rows: readonly RaceRow[], peak: number | null): string {
  // A `|` inside a cell (max |Δ|) would end it: Markdown escapes it.
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [
    line(TABLE_HEADERS),
    line(TABLE_HEADERS.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...rows.map((r) => line(rowCells(r, peak))),
  ].join('\n');
}
