/**
 * Repairs a link's embeddings into a rectangular matrix of float32 values within the limits.
 * Rows come first because they decide how many tokens there are and how many dimensions the
 * scatter plot may pick from. Only the rows and columns that are kept are ever looked at, so a
 * hostile 10^6-wide row costs no more than a 16-wide one.
 */

import { MAX_D_IN, MAX_EMBEDDING_MAGNITUDE, MAX_TOKENS, MIN_D_IN } from '../chapter/limits.ts';
import { toFloat32Decimal } from './float32.ts';
import { messages } from './messages.ts';

/** The first offending value and how many there were, so one message can cover them all. */
interface Tally {
  n: number;
  row: number;
  col: number;
  value: unknown;
}

export function repairEmbeddings(
  raw: unknown,
  fallback: number[][],
  problems: string[],
): number[][] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push(messages.embeddingsNotMatrix(raw));
    return fallback.map((row) => [...row]);
  }
  if (raw.length > MAX_TOKENS) problems.push(messages.tooManyRows(raw.length, MAX_TOKENS));
  const rows: unknown[] = raw.slice(0, MAX_TOKENS);

  const notLists: number[] = [];
  let shortest = Number.POSITIVE_INFINITY;
  let longest = 0;
  rows.forEach((row, r) => {
    if (!Array.isArray(row)) {
      notLists.push(r + 1);
      return;
    }
    shortest = Math.min(shortest, row.length);
    longest = Math.max(longest, row.length);
  });
  if (notLists.length > 0) problems.push(messages.rowsNotLists(notLists));

  // Every row takes the longest row's length (within limits): padding with 0 loses nothing.
  let dIn = longest;
  if (longest > MAX_D_IN) {
    problems.push(messages.tooManyDims(longest, MAX_D_IN));
    dIn = MAX_D_IN;
  } else if (longest < MIN_D_IN) {
    problems.push(messages.noDims());
    dIn = MIN_D_IN;
  }
  if (shortest < longest) problems.push(messages.raggedRows(shortest, longest, dIn));

  const notFinite: Tally = { n: 0, row: 0, col: 0, value: undefined };
  const tooBig: Tally = { n: 0, row: 0, col: 0, value: undefined };
  const matrix = rows.map((row, r) => {
    const values: unknown[] = Array.isArray(row) ? row : [];
    const out: number[] = [];
    for (let c = 0; c < dIn; c++) {
      out.push(c < values.length ? repairValue(values[c], r, c, notFinite, tooBig) : 0);
    }
    return out;
  });
  if (notFinite.n > 0) {
    problems.push(messages.notFinite(notFinite.n, notFinite.row, notFinite.col, notFinite.value));
  }
  if (tooBig.n > 0) {
    problems.push(messages.tooBig(tooBig.n, tooBig.row, tooBig.col, tooBig.value as number));
  }
  return matrix;
}

/** NaN, null, strings, objects → 0; ±Infinity and |x| > 1e6 → ±1e6 (the sign is kept). */
function repairValue(
  value: unknown,
  r: number,
  c: number,
  notFinite: Tally,
  tooBig: Tally,
): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    note(notFinite, r, c, value);
    return 0;
  }
  if (Math.abs(value) > MAX_EMBEDDING_MAGNITUDE) {
    note(tooBig, r, c, value);
    return Math.sign(value) * MAX_EMBEDDING_MAGNITUDE;
  }
  return toFloat32Decimal(value);
}

function note(tally: Tally, r: number, c: number, value: unknown): void {
  if (tally.n === 0) Object.assign(tally, { row: r + 1, col: c + 1, value });
  tally.n++;
}
