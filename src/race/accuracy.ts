/** How far a runner's output is from the reference engine's, relative to the output's size. */
import { isMeasured, type MeasuredRow, type RaceRow } from './protocol.ts';

/** max |Δ| / scale; against an all-zero reference output (scale 0) the absolute max |Δ|. */
export function relativeDiff(row: MeasuredRow): number {
  return row.scale > 0 ? row.max_abs_diff / row.scale : row.max_abs_diff;
}

/** The largest relative difference over the measured rows (0 when none measured). */
export function worstRelativeDiff(rows: readonly RaceRow[]): number {
  return rows.filter(isMeasured).reduce((m, r) => Math.max(m, relativeDiff(r)), 0);
}
