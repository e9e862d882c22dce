/**
 * What an edit changed, as a short key, so the undo history can merge the many small changes of
 * one gesture: every keystroke in one embedding cell, every move of one dragged point (two
 * dimensions of one row), every keystroke in one setting. Edits that reshape or rewrite many
 * values at once (add a token, random embeddings, reset) get null and always stand alone.
 */

import type { ViewState } from '../../src/chapter/view.ts';

/** The settings typed into a field, key by key. */
const TYPED: ReadonlySet<keyof ViewState> = new Set(['seed', 'd_out', 'num_heads', 'dropout']);

export function editKey(before: ViewState, after: ViewState): string | null {
  const parts: string[] = [];
  for (const key of Object.keys(after) as (keyof ViewState)[]) {
    if (before[key] === after[key]) continue;
    if (key === 'embeddings') {
      const cells = embeddingsKey(before.embeddings, after.embeddings);
      if (cells === null) return null;
      if (cells !== '') parts.push(cells);
    } else if (key === 'tokens') {
      const names = tokensKey(before.tokens, after.tokens);
      if (names === null) return null;
      if (names !== '') parts.push(names);
    } else if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      if (!TYPED.has(key)) return null;
      parts.push(key);
    }
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

/** "embeddings r3 c0,1" when only one row changed and the shape did not; else null. */
function embeddingsKey(before: number[][], after: number[][]): string | null {
  if (before.length !== after.length || before[0].length !== after[0].length) return null;
  let row = -1;
  const cols: number[] = [];
  for (let r = 0; r < after.length; r++) {
    for (let c = 0; c < after[r].length; c++) {
      if (Object.is(before[r][c], after[r][c])) continue;
      if (row !== -1 && row !== r) return null;
      row = r;
      cols.push(c);
    }
  }
  return row === -1 ? '' : `embeddings r${row} c${cols.join(',')}`;
}

/** "tokens 2" when exactly one name changed and none were added or removed; else null. */
function tokensKey(before: string[], after: string[]): string | null {
  if (before.length !== after.length) return null;
  const changed = after.flatMap((name, i) => (name === before[i] ? [] : [i]));
  if (changed.length > 1) return null;
  return changed.length === 1 ? `tokens ${changed[0]}` : '';
}

/**
 * The key of two edits merged into one, or null when they are different things. Equal keys
 * merge; so do changes of one embeddings row whose columns overlap, because a drag may move a
 * point along one axis only in some frames ("r3 c0" then "r3 c0,1").
 */
export function mergeKeys(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null;
  if (a === b) return a;
  const ca = a.match(EMBEDDING_KEY);
  const cb = b.match(EMBEDDING_KEY);
  if (!ca || !cb || ca[1] !== cb[1]) return null;
  const colsA = ca[2].split(',');
  const colsB = cb[2].split(',');
  if (!colsB.some((c) => colsA.includes(c))) return null;
  const union = [...new Set([...colsA, ...colsB])].map(Number).sort((x, y) => x - y);
  return `embeddings r${ca[1]} c${union.join(',')}`;
}

const EMBEDDING_KEY = /^embeddings r(\d+) c([\d,]+)$/;
