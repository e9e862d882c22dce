/**
 * The heatmap cell to outline for the ViewState's locked cell when a view arrives whole (a link,
 * the saved session, undo): the view says which head, query and key, not which panel was
 * clicked, so the cell is shown in the step's attention weights for that head, the chapter's
 * central tensor, or else in the first panel of queries × keys that has it.
 */
import { type Panel, panelsFor } from '../../src/chapter/panels/index.ts';
import { stepDef } from '../../src/chapter/steps/index.ts';
import type { ViewState } from '../../src/chapter/view.ts';
import type { Trace } from '../../src/engine/trace.ts';
import type { Focus } from './types.ts';

/** The chapter's attn_weights panel, of any batch item and head (`attn_weights.b1.h2`). */
const isWeights = (p: Panel) => p.id.split('.')[0] === 'attn_weights';

export function lockFocusFor(view: ViewState, traces: Trace[]): Focus | null {
  const locked = view.locked;
  if (!locked) return null;
  // On a one-query step the query picker stores its token as a diagonal lock; that picks the
  // row the step explains and outlines nothing, so a shared link must not outline it either.
  if (stepDef(view.step).controls.includes('query') && locked.row === locked.col) return null;
  const fits = (p: Panel) =>
    p.rowRole === 'query' &&
    p.colRole === 'key' &&
    p.head === locked.head &&
    locked.row - p.rowOffset >= 0 &&
    locked.row - p.rowOffset < p.rows.length &&
    locked.col < p.cols.length;
  const panels = panelsFor(view, traces).flatMap((g) => g.panels);
  const panel = panels.find((p) => fits(p) && isWeights(p)) ?? panels.find(fits);
  if (!panel) return null;
  return {
    panel: panel.id,
    row: locked.row - panel.rowOffset,
    col: locked.col,
    head: locked.head,
    query: locked.row,
    key: locked.col,
  };
}

/** Whether an outlined cell already stands for the view's locked cell (then it stays as is). */
export function lockMatches(lock: Focus | null, view: ViewState): boolean {
  const l = view.locked;
  if (!lock || !l) return lock === null && l === null;
  return lock.head === l.head && lock.query === l.row && lock.key === l.col;
}

/**
 * The ViewState's locked cell for a focus: query row and key column of the T×T attention it
 * points into. A cell that names no query (a weight matrix) keeps the current row.
 */
export function lockedCell(view: ViewState, f: Focus): ViewState['locked'] {
  const row = f.query ?? view.locked?.row ?? 1;
  const col = f.key ?? row;
  const t = view.tokens.length;
  if (row >= t || col >= t) return null;
  return { head: Math.min(f.head, view.num_heads - 1), row, col };
}
