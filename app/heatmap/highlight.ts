import type { Panel } from '../../src/chapter/panels/index.ts';
import type { Focus } from '../store/index.ts';

/** What a panel outlines for the focused cell: the query's row, the key's column, the cell. */
export interface Highlight {
  row: number | null;
  col: number | null;
  cell: [number, number] | null;
}

export const NO_HIGHLIGHT: Highlight = { row: null, col: null, cell: null };

/** The same tokens light up in every panel that has them, the cell only in its own panel. */
export function highlightFor(panel: Panel, focus: Focus | null): Highlight {
  if (!focus) return NO_HIGHLIGHT;
  const inRows = (token: number | null) => {
    if (token === null) return null;
    const r = token - panel.rowOffset;
    return r >= 0 && r < panel.rows.length ? r : null;
  };
  const row =
    panel.rowRole === 'query'
      ? inRows(focus.query)
      : panel.rowRole === 'key'
        ? inRows(focus.key)
        : null;
  const col =
    panel.colRole === 'key' && focus.key !== null && focus.key < panel.cols.length
      ? focus.key
      : null;
  const own = focus.panel === panel.id;
  const cell: [number, number] | null = own ? [focus.row, focus.col] : null;
  if (row === null && col === null && !cell) return NO_HIGHLIGHT;
  return {
    row: own ? focus.row : row,
    col: own && panel.colRole === 'key' ? focus.col : col,
    cell,
  };
}
