/**
 * Every message a link can produce, in one place so the wording stays consistent and the tests
 * and the app can refer to them. Each names the field (as the learner sees it, then its key in
 * the data) and says what Attention Lab did instead. Messages are plain text: the UI renders them
 * as text, never as HTML, so quoting hostile values here is safe.
 */
import {
  MAX_EMBEDDING_MAGNITUDE,
  MAX_LINK_LENGTH,
  MAX_TOKEN_NAME_LENGTH,
  MAX_UNPACKED_BYTES,
} from '../chapter/limits.ts';
import { codePointLength, cutToCodePoints } from './text.ts';

/** How each setting is named in messages. */
export const FIELD_LABELS = {
  tokens: 'tokens',
  embeddings: 'embeddings',
  seed: 'random seed (seed)',
  d_out: 'output dimension (d_out)',
  num_heads: 'number of heads (num_heads)',
  qkv_bias: 'query/key/value bias switch (qkv_bias)',
  dropout: 'dropout rate (dropout)',
  training: 'training-mode switch (training)',
  causal: 'causal-mask switch (causal)',
  scaled: 'scaling switch (scaled)',
  head_view: 'head view switch (head_view)',
  backend: 'backend',
  locked: 'locked heatmap cell (locked)',
  scatter_dims: 'scatter-plot dimensions (scatter_dims)',
  local: 'step-specific settings (local)',
} as const;
export type FieldKey = keyof typeof FIELD_LABELS;

/** A short, safe rendering of any value found in a link. */
export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const long = codePointLength(value, 31) > 30;
    return JSON.stringify(long ? `${cutToCodePoints(value, 30)}…` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${count(value.length, 'item')}`;
  return 'an object';
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "3", "3 and 5", "3, 5 and 7", "3, 5, 7 and 4 more": positions counted from 1. */
export function listPositions(positions: number[]): string {
  const shown = positions.slice(0, 3).map(String);
  const more = positions.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length === 1) return shown[0];
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

const fallback = (step: string) => `showing the book's example for step ${step}.`;

export const messages = {
  // The link as a whole.
  notText: (step: string) => `This link is not text; ${fallback(step)}`,
  tooLong: (length: number, step: string) =>
    `This link is too long to read (${length} characters; Attention Lab reads at most ${MAX_LINK_LENGTH}); ${fallback(step)}`,
  noStep: (step: string) => `The link does not name a step; Attention Lab opened step ${step}.`,
  unknownStep: (text: string, step: string) =>
    `The link names step ${describe(text)}, which is not a step of chapter 3; Attention Lab opened step ${step} instead.`,
  badQuery: (query: string, step: string) =>
    `The link's settings part (${describe(`?${query}`)}) is not of the form "?s=…"; ${fallback(step)}`,
  extraQuery: (parts: string[]) =>
    `The link had extra parts after "?" (${parts.map(describe).join(', ')}); Attention Lab ignored them.`,
  damaged: (step: string) => `This link is damaged (its data could not be read); ${fallback(step)}`,
  tooLarge: (step: string) =>
    `This link's data is too large to read (over ${MAX_UNPACKED_BYTES / 1024 / 1024} MB once unpacked); ${fallback(step)}`,
  noVersion: (current: number) =>
    `This link's data has no version number; Attention Lab read it as version ${current}.`,
  newerVersion: (version: number, oldest: number, current: number, step: string) =>
    `This link was made by a newer Attention Lab (its data is version ${version}; this one reads versions ${oldest} to ${current}); ${fallback(step)}`,
  unknownVersion: (version: unknown, oldest: number, current: number, step: string) =>
    `This link's data has an unknown version (${describe(version)}; Attention Lab reads versions ${oldest} to ${current}); ${fallback(step)}`,
  unknownSettings: (names: string[]) =>
    `The link's data had ${names.length === 1 ? 'a setting' : 'settings'} Attention Lab does not know (${listNames(names)}); it ignored ${names.length === 1 ? 'it' : 'them'}.`,
  unrepairable: (step: string) =>
    `This link's settings could not be made consistent; ${fallback(step)}`,
  unexpected: (step: string) =>
    `Attention Lab could not read this link because of an internal error; ${fallback(step)}`,

  // Single settings.
  notANumber: (key: FieldKey, value: unknown, used: unknown) =>
    `The link's ${FIELD_LABELS[key]} was ${describe(value)}, which is not a finite number; Attention Lab used the step's default, ${String(used)}.`,
  outOfRange: (key: FieldKey, value: number, allowed: string, used: number) =>
    `The link's ${FIELD_LABELS[key]} was ${value}; Attention Lab allows ${allowed}, so it used ${used}.`,
  notBoolean: (key: FieldKey, value: unknown, used: boolean) =>
    `The link's ${FIELD_LABELS[key]} was ${describe(value)}, which is not true or false; Attention Lab used the step's default, ${used}.`,
  notChoice: (key: FieldKey, value: unknown, choices: readonly string[], used: string) =>
    `The link's ${FIELD_LABELS[key]} was ${describe(value)}, which is not one of ${choices.join(', ')}; Attention Lab used the step's default, ${used}.`,

  // Tokens.
  tokensNotList: (value: unknown) =>
    `The link's tokens were ${describe(value)}, not a list of names; Attention Lab used the step's default names.`,
  tooManyTokens: (n: number, max: number) =>
    `The link had ${n} tokens; Attention Lab shows at most ${max}, so it kept the first ${max}.`,
  tokenNames: (problem: TokenNameProblem, positions: number[]) =>
    `The link's ${positions.length === 1 ? 'token name at position' : 'token names at positions'} ${listPositions(positions)} ${TOKEN_NAME_PROBLEMS[problem](positions[0], positions.length > 1)}`,
  tokenCount: (names: number, rows: number, fromLink: boolean) => {
    const rest = rows > names + 1 ? `"token ${names + 1}" to "token ${rows}"` : `"token ${rows}"`;
    if (!fromLink) {
      return names > rows
        ? `The link's embeddings had ${count(rows, 'row')} but no token names; Attention Lab used the first ${rows} of the step's default names.`
        : `The link's embeddings had ${count(rows, 'row')} but no token names; Attention Lab used the step's ${names} default names and named the rest ${rest}.`;
    }
    return names > rows
      ? `The link had ${count(names, 'token name')} for ${count(rows, 'row')} of embeddings; Attention Lab kept the first ${rows}.`
      : `The link had ${count(names, 'token name')} for ${count(rows, 'row')} of embeddings; Attention Lab named the rest ${rest}.`;
  },

  // Embeddings.
  embeddingsNotMatrix: (value: unknown) =>
    `The link's embeddings were ${describe(value)}, not a list of rows of numbers; Attention Lab used the step's default embeddings.`,
  tooManyRows: (n: number, max: number) =>
    `The link's embeddings had ${n} rows (tokens); Attention Lab shows at most ${max}, so it kept the first ${max}.`,
  rowsNotLists: (positions: number[]) =>
    `The link's embeddings ${positions.length === 1 ? 'row' : 'rows'} ${listPositions(positions)} ${positions.length === 1 ? 'was' : 'were'} not a list of numbers; Attention Lab filled ${positions.length === 1 ? 'it' : 'them'} with 0.`,
  tooManyDims: (n: number, max: number) =>
    `The link's embeddings had ${n} dimensions; Attention Lab shows at most ${max}, so it kept the first ${max}.`,
  noDims: () =>
    "The link's embeddings had 0 dimensions; Attention Lab needs at least 1, so it used 1 dimension filled with 0.",
  raggedRows: (shortest: number, longest: number, used: number) =>
    `The link's embeddings rows had different lengths (${shortest} to ${longest} values); Attention Lab made every row ${count(used, 'value')} long, padding with 0 and cutting extra values.`,
  notFinite: (n: number, row: number, col: number, value: unknown) =>
    `The link's embeddings had ${count(n, 'value')} that ${n === 1 ? 'was not a finite number' : 'were not finite numbers'} (row ${row}, column ${col} was ${describe(value)}); Attention Lab set ${n === 1 ? 'it' : 'them'} to 0.`,
  tooBig: (n: number, row: number, col: number, value: number) =>
    `The link's embeddings had ${count(n, 'value')} beyond ±${MAX_EMBEDDING_MAGNITUDE} (row ${row}, column ${col} was ${value}); Attention Lab clamped ${n === 1 ? 'it' : 'them'} to ±${MAX_EMBEDDING_MAGNITUDE}.`,

  // Settings that depend on others.
  headsDoNotDivide: (heads: number, dOut: number, used: number, headsFromLink: boolean) =>
    `${headsFromLink ? "The link's number of heads (num_heads)" : "The step's default number of heads (num_heads)"}, ${heads}, does not divide the output dimension (d_out), ${dOut}; Attention Lab used ${count(used, 'head')}, the nearest count that does.`,
  lockedNotCell: (value: unknown) =>
    `The link's locked heatmap cell (locked) was ${describe(value)}, not a head, row and column; Attention Lab dropped it.`,
  lockedOutside: (head: number, row: number, col: number, heads: number, rows: number) =>
    `The link's locked heatmap cell (locked: head ${head}, row ${row}, column ${col}, counting from 0) is outside the ${count(heads, 'head')} and ${count(rows, 'token')} shown; Attention Lab dropped it.`,
  // A step's own fields (view.local).
  localNotObject: (value: unknown) =>
    `The link's step-specific settings (local) were ${describe(value)}, not a set of named values; Attention Lab used the step's own.`,
  localFitted: (label: string, key: string) =>
    `The link's ${label} (local.${key}) had values outside what Attention Lab shows; it brought them within the limits.`,
  localInvalid: (label: string, key: string) =>
    `The link's ${label} (local.${key}) was not valid for this step; Attention Lab used the step's own.`,
  scatterNotPair: (value: unknown, used: [number, number]) =>
    `The link's scatter-plot dimensions (scatter_dims) were ${describe(value)}, not two dimension numbers; Attention Lab shows dimensions ${used[0]} and ${used[1]}.`,
  scatterOutside: (
    dims: [number, number],
    dIn: number,
    used: [number, number],
    fromLink: boolean,
  ) =>
    `${fromLink ? "The link's scatter-plot dimensions (scatter_dims)" : "The step's default scatter-plot dimensions (scatter_dims)"} ${dims[0]} and ${dims[1]} are not among the embeddings' ${count(dIn, 'dimension')} (0 to ${dIn - 1}); Attention Lab shows dimensions ${used[0]} and ${used[1]}.`,
};

/** What was wrong with some token names, and what was done; `first` is the first position. */
const TOKEN_NAME_PROBLEMS = {
  'not-text': (first: number, many: boolean) =>
    `${many ? 'were' : 'was'} not text; Attention Lab named ${many ? 'each one by its position, e.g.' : 'it'} "token ${first}".`,
  empty: (first: number, many: boolean) =>
    `${many ? 'were' : 'was'} empty; Attention Lab named ${many ? 'each one by its position, e.g.' : 'it'} "token ${first}".`,
  'broken-characters': (_first: number, many: boolean) =>
    `had broken characters (unpaired UTF-16 surrogates); Attention Lab replaced them with "\uFFFD" in ${many ? 'those names' : 'that name'}.`,
  spaces: (_first: number, many: boolean) =>
    `had spaces at the start or end; Attention Lab removed them from ${many ? 'those names' : 'that name'}.`,
  'too-long': (_first: number, many: boolean) =>
    `${many ? 'were' : 'was'} longer than ${MAX_TOKEN_NAME_LENGTH} characters; Attention Lab kept the first ${MAX_TOKEN_NAME_LENGTH}.`,
} as const;
export type TokenNameProblem = keyof typeof TOKEN_NAME_PROBLEMS;

function listNames(names: string[]): string {
  const shown = names.slice(0, 3).map(describe).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}
