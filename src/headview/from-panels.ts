import type { PanelGroup } from '../chapter/panels/types.ts';
import type { HeadSlice } from './slice.ts';

/** The panels the head view draws: each head's attention weights (batch item 1). */
const WEIGHTS_ID = /^attn_weights(\.h\d+)?$/;

/**
 * A chapter step's attention weights as head slices (and the tokens they are over), one per head, read from the panels the
 * step already draws (so the lines and the heatmaps can never disagree). Empty when the step
 * has no query × key weights (e.g. §3.4.1's parameters only).
 */
export function slicesFromPanels(groups: readonly PanelGroup[]): {
  tokens: readonly string[];
  slices: HeadSlice[];
} {
  const byHead = new Map<number, HeadSlice>();
  let tokens: readonly string[] = [];
  for (const g of groups)
    for (const p of g.panels) {
      if (p.kind !== 'weights' || p.rowRole !== 'query' || p.colRole !== 'key') continue;
      if (!WEIGHTS_ID.test(p.id) || byHead.has(p.head)) continue;
      tokens = p.cols;
      byHead.set(p.head, {
        head: p.head,
        values: p.values,
        rows: p.rows.length,
        cols: p.cols.length,
        rowStart: p.rowOffset,
        colStart: 0,
        outside: null,
      });
    }
  return { tokens, slices: [...byHead.values()].sort((a, b) => a.head - b.head) };
}
