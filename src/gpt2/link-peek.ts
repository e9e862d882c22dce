/**
 * The text and seed of an Exercise 3.3 permalink, read by the step's worker before the page has
 * decoded the link: without the chapter's schemas (zod and every step), which took the worker
 * ~0.3–0.5 s to load on a cold start. A peek, not a decode: anything it is not sure of (another
 * payload version, a value the page would repair) reads as null, and the worker then prepares
 * nothing — the page's first run, with the link the page decoded, computes it all.
 */
import { MAX_LINK_LENGTH, MAX_SEED, MIN_SEED } from '../chapter/limits.ts';
import { BOOK_SEED } from '../engine/config.ts';
import { hashText } from '../permalink/hash-text.ts';
import { unpackText } from '../permalink/pack.ts';
import { MAX_TEXT_CHARS } from '../tokenizer/limits.ts';
import { GPT2_INITIAL } from './local.ts';

/** The payload version this peek reads (`CURRENT_VERSION` today: a test keeps them equal). */
export const PEEK_VERSION = 1;

export function peekGpt2Link(link: string): { text: string; seed: number } | null {
  const hash = hashText(link);
  const body = hash.replace(/^#?\/?/, '');
  const mark = body.indexOf('?');
  if ((mark < 0 ? body : body.slice(0, mark)) !== 'ex3.3') return null;
  if (mark < 0) return { text: GPT2_INITIAL.text, seed: BOOK_SEED };
  if (hash.length > MAX_LINK_LENGTH) return null;
  const query = body.slice(mark + 1);
  if (!query.startsWith('s=') || query.includes('&')) return null;
  const unpacked = unpackText(query.slice(2));
  if (!unpacked.ok) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(unpacked.text);
  } catch {
    return null;
  }
  if (!isRecord(fields) || fields.v !== PEEK_VERSION) return null;
  const seed = fields.seed ?? BOOK_SEED;
  if (!Number.isInteger(seed) || (seed as number) < MIN_SEED || (seed as number) > MAX_SEED)
    return null;
  const local = fields.local ?? {};
  if (!isRecord(local)) return null;
  const text = local.text ?? GPT2_INITIAL.text;
  if (typeof text !== 'string' || text.length > MAX_TEXT_CHARS) return null;
  return { text, seed: seed as number };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
