import { formatNumber } from '../chapter/format.ts';
import type { HeadViewFocus } from './geometry.ts';
import { type HeadSlice, weightAt } from './slice.ts';
import type { TokenWindow } from './window.ts';

/** A token pair and its weight in one head, for the words beside the picture. */
export interface Attended {
  head: number;
  /** The other token of the pair: the key of a focused query, the query of a focused key. */
  token: number;
  weight: number;
}

/** The strongest pairs of a focused token in one head within the window, heaviest first. */
export function strongest(
  s: HeadSlice,
  focus: HeadViewFocus,
  win: TokenWindow,
  count: number,
): Attended[] {
  const out: Attended[] = [];
  for (let other = win.start; other < win.start + win.size; other++) {
    const w =
      focus.side === 'query' ? weightAt(s, focus.index, other) : weightAt(s, other, focus.index);
    if (w !== null && w > 0) out.push({ head: s.head, token: other, weight: w });
  }
  return out.sort((a, b) => b.weight - a.weight || a.token - b.token).slice(0, count);
}

/**
 * The head view in words, for the focused token: "journey attends most to starts (0.28), …" per
 * head shown, and how much weight goes to tokens outside the window when the view is cut.
 */
export function describeFocus(
  slices: readonly HeadSlice[],
  focus: HeadViewFocus,
  win: TokenWindow,
  names: readonly string[],
  count = 3,
): string[] {
  const me = names[focus.index] ?? `token ${focus.index + 1}`;
  return slices.map((s) => {
    const top = strongest(s, focus, win, count);
    const head = slices.length > 1 ? `head ${s.head + 1}: ` : '';
    if (top.length === 0)
      return `${head}${me} ${focus.side === 'query' ? 'attends to' : 'is attended by'} no token shown`;
    const pairs = top.map((a) => `${names[a.token] ?? a.token + 1} (${formatNumber(a.weight)})`);
    const verb = focus.side === 'query' ? 'attends most to' : 'is attended most by';
    const r = focus.index - s.rowStart;
    const out = focus.side === 'query' && s.outside && r >= 0 && r < s.rows ? s.outside[r] : 0;
    const rest = out > 0.005 ? `; ${formatNumber(out)} on tokens outside the window` : '';
    return `${head}${me} ${verb} ${pairs.join(', ')}${rest}`;
  });
}
