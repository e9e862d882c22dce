/**
 * Repairs token names. Names are kept as plain strings, verbatim apart from trimming and length:
 * "<img src=x onerror=alert(1)>" is a fine name, and the UI renders every name as text.
 */
import { MAX_TOKEN_NAME_LENGTH, MAX_TOKENS } from '../chapter/limits.ts';
import { messages, type TokenNameProblem } from './messages.ts';
import {
  codePointLength,
  cutToCodePoints,
  hasLoneSurrogate,
  replaceLoneSurrogates,
} from './text.ts';

/** The name given to row `position` (counted from 1) when the link has no usable one. */
export function placeholderName(position: number): string {
  return `token ${position}`;
}

/** Checks each name on its own; the count is matched to the embeddings later (fitTokens). */
export function repairTokens(raw: unknown, fallback: string[], problems: string[]): string[] {
  if (!Array.isArray(raw)) {
    problems.push(messages.tokensNotList(raw));
    return [...fallback];
  }
  if (raw.length > MAX_TOKENS) problems.push(messages.tooManyTokens(raw.length, MAX_TOKENS));
  const found: Record<TokenNameProblem, number[]> = {
    'not-text': [],
    empty: [],
    'broken-characters': [],
    spaces: [],
    'too-long': [],
  };
  const names = raw.slice(0, MAX_TOKENS).map((name: unknown, i) => {
    const position = i + 1;
    const { fixed, problem } = repairName(name);
    for (const p of problem) found[p].push(position);
    return fixed ?? placeholderName(position);
  });
  for (const [problem, positions] of Object.entries(found) as [TokenNameProblem, number[]][]) {
    if (positions.length > 0) problems.push(messages.tokenNames(problem, positions));
  }
  return names;
}

/** The repaired name (null: use the placeholder) and what had to be done to it. */
function repairName(name: unknown): { fixed: string | null; problem: TokenNameProblem[] } {
  if (typeof name !== 'string') return { fixed: null, problem: ['not-text'] };
  const problem: TokenNameProblem[] = [];
  let text = name;
  if (hasLoneSurrogate(text)) {
    problem.push('broken-characters');
    text = replaceLoneSurrogates(text);
  }
  const trimmed = text.trim();
  if (trimmed.length === 0) return { fixed: null, problem: ['empty'] };
  if (trimmed !== text) problem.push('spaces');
  text = trimmed;
  if (codePointLength(text, MAX_TOKEN_NAME_LENGTH + 1) > MAX_TOKEN_NAME_LENGTH) {
    problem.push('too-long');
    // Cutting may leave a space at the end, which a valid name cannot have.
    text = cutToCodePoints(text, MAX_TOKEN_NAME_LENGTH).trimEnd();
  }
  return { fixed: text, problem };
}

/** One name per embeddings row: extra names are dropped, missing ones are placeholders. */
export function fitTokens(
  names: string[],
  rows: number,
  problems: string[],
  stated: { count: number; fromLink: boolean },
): string[] {
  if (names.length === rows) return names;
  problems.push(messages.tokenCount(stated.count, rows, stated.fromLink));
  const fitted = names.slice(0, rows);
  for (let i = fitted.length; i < rows; i++) fitted.push(placeholderName(i + 1));
  return fitted;
}
