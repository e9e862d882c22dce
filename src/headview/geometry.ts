import { type HeadSlice, weightAt } from './slice.ts';
import type { TokenWindow } from './window.ts';

/** A token the learner points at: a query in the left column or a key in the right one. */
export interface HeadViewFocus {
  side: 'query' | 'key';
  /** Token index. */
  index: number;
}

/** Where the two columns of tokens are drawn: row height and the gap the lines cross. */
export interface HeadViewLayout {
  rowHeight: number;
  width: number;
}

/** One line of the head view: query → key in one head, drawn with opacity = weight. */
export interface HeadLine {
  head: number;
  query: number;
  key: number;
  weight: number;
  opacity: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The vertical centre of a token's row in the window. */
export const rowCentre = (index: number, win: TokenWindow, layout: HeadViewLayout) =>
  (index - win.start + 0.5) * layout.rowHeight;

/**
 * The head view's lines as BertViz draws them: from each query (left) to each key (right) of
 * the window, one per head shown, opacity = the weight. With a focused token only its lines
 * remain (a query's to its keys, a key's from its queries). Lines lighter than `minWeight` are
 * left out: they would be invisible, and at GPT-2 size they are most of the SVG.
 */
export function headLines(
  slices: readonly HeadSlice[],
  win: TokenWindow,
  layout: HeadViewLayout,
  focus: HeadViewFocus | null = null,
  minWeight = 0,
): HeadLine[] {
  const lines: HeadLine[] = [];
  const end = win.start + win.size;
  for (const s of slices) {
    const q0 = Math.max(win.start, s.rowStart);
    const q1 = Math.min(end, s.rowStart + s.rows);
    for (let query = q0; query < q1; query++) {
      if (focus?.side === 'query' && focus.index !== query) continue;
      for (let key = win.start; key < end; key++) {
        if (focus?.side === 'key' && focus.index !== key) continue;
        const weight = weightAt(s, query, key);
        if (weight === null || !(weight > minWeight)) continue;
        lines.push({
          head: s.head,
          query,
          key,
          weight,
          opacity: Math.min(1, weight),
          x1: 0,
          y1: rowCentre(query, win, layout),
          x2: layout.width,
          y2: rowCentre(key, win, layout),
        });
      }
    }
  }
  return lines;
}
