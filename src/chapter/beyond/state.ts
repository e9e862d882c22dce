/**
 * What §4.1 and §4.3 add to the learner's view (§4.2's fields: kv-state.ts), as zod schemas (the
 * permalink carries them), with repairs that clamp a hostile or stale value to the nearest valid
 * one and say what they did. Each repair also fits the state to the shared view (heads, tokens).
 */
import { z } from 'zod';
import { MASK_FILLS } from '../../engine/config.ts';
import { MAX_HEADS, MAX_TOKENS, MIN_HEADS } from '../limits.ts';
import type { LocalField } from '../steps/types.ts';
import { divisors } from './kv-sizes.ts';

/** §4.1's K/V head count; whether it divides num_heads is fitted at use (fitGqa). */
export const numKvGroupsField: LocalField<number> = {
  label: 'number of key/value heads',
  initial: 2,
  schema: z.number().int().min(MIN_HEADS).max(MAX_HEADS),
  clamp: (raw) =>
    typeof raw === 'number' && Number.isFinite(raw)
      ? Math.max(MIN_HEADS, Math.min(MAX_HEADS, Math.round(raw)))
      : null,
};

export const MIN_SENTENCES = 2;
export const MAX_SENTENCES = 3;

/** A sentence of the batch: a run of the edited tokens, `length` long from `start`. */
export const sentenceSchema = z.object({ start: z.number().int(), length: z.number().int() });
export type SentenceWindow = z.infer<typeof sentenceSchema>;

export const paddingStateSchema = z.object({
  sentences: z.array(sentenceSchema),
  mask_fill: z.enum(MASK_FILLS),
  /** Apply the padding mask (off: the lesson of what leaks). */
  use_mask: z.boolean(),
});
export type PaddingState = z.infer<typeof paddingStateSchema>;

/** §4.3's batch: 2–3 windows of the edited tokens; fitted to the token count at use. */
export const sentencesField: LocalField<SentenceWindow[]> = {
  label: 'batch of sentences',
  initial: [
    { start: 0, length: 6 },
    { start: 0, length: 3 },
    { start: 4, length: 2 },
  ],
  schema: z
    .array(
      z.object({
        start: z
          .number()
          .int()
          .min(0)
          .max(MAX_TOKENS - 1),
        length: z.number().int().min(1).max(MAX_TOKENS),
      }),
    )
    .min(MIN_SENTENCES)
    .max(MAX_SENTENCES),
  clamp: (raw) =>
    Array.isArray(raw) ? repairPadding({ sentences: raw }, MAX_TOKENS, []).sentences : null,
};

export const PADDING_DEFAULT: PaddingState = {
  sentences: [
    { start: 0, length: 6 },
    { start: 0, length: 3 },
    { start: 4, length: 2 },
  ],
  mask_fill: '-inf',
  use_mask: true,
};

const int = (raw: unknown): number | null =>
  typeof raw === 'number' && Number.isFinite(raw) ? Math.round(raw) : null;

const clampTo = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** The divisor of `numHeads` nearest `wanted` (the smaller on a tie): heads split evenly. */
export function nearestDivisor(wanted: number, numHeads: number): number {
  let best = 1;
  for (const d of divisors(numHeads)) if (Math.abs(d - wanted) < Math.abs(best - wanted)) best = d;
  return best;
}

/** The K/V heads actually used, and why they differ from the wanted ones (else null). */
export function fitGqa(
  wanted: number,
  numHeads: number,
): { num_kv_groups: number; problem: string | null } {
  const groups = nearestDivisor(wanted, numHeads);
  return {
    num_kv_groups: groups,
    problem:
      groups === wanted
        ? null
        : `num_kv_groups = ${wanted} does not divide num_heads = ${numHeads} evenly; using ${groups}.`,
  };
}

/** One sentence window inside T tokens: at least one token (an all-zero mask hides everything). */
function repairSentence(raw: unknown, i: number, T: number, problems: string[]): SentenceWindow {
  const r = (raw ?? {}) as Partial<Record<keyof SentenceWindow, unknown>>;
  const startIn = int(r.start) ?? 0;
  const start = clampTo(startIn, 0, T - 1);
  const lengthIn = int(r.length) ?? 1;
  const length = clampTo(lengthIn, 1, T - start);
  if (lengthIn < 1)
    problems.push(
      `Sentence ${i + 1} had no tokens (an all-zero attention mask); it keeps one token.`,
    );
  else if (start !== startIn || length !== lengthIn)
    problems.push(
      `Sentence ${i + 1} (tokens ${startIn + 1}–${startIn + lengthIn}) runs past the ${T} tokens; using tokens ${start + 1}–${start + length}.`,
    );
  return { start, length };
}

export function repairPadding(raw: unknown, T: number, problems: string[]): PaddingState {
  const r = (raw ?? {}) as Partial<Record<keyof PaddingState, unknown>>;
  let list = Array.isArray(r.sentences) ? r.sentences : PADDING_DEFAULT.sentences;
  if (r.sentences !== undefined && !Array.isArray(r.sentences))
    problems.push('The batch (sentences) was not a list; using the default batch.');
  if (list.length > MAX_SENTENCES) {
    problems.push(
      `A batch here has at most ${MAX_SENTENCES} sentences; keeping the first ${MAX_SENTENCES}.`,
    );
    list = list.slice(0, MAX_SENTENCES);
  }
  const sentences = list.map((s, i) => repairSentence(s, i, T, problems));
  while (sentences.length < MIN_SENTENCES) {
    problems.push(`A batch needs ${MIN_SENTENCES} sentences of different lengths; adding one.`);
    sentences.push({ start: 0, length: Math.max(1, T - sentences.length) });
  }
  const mask_fill = (MASK_FILLS as readonly unknown[]).includes(r.mask_fill)
    ? (r.mask_fill as PaddingState['mask_fill'])
    : PADDING_DEFAULT.mask_fill;
  if (r.mask_fill !== undefined && mask_fill !== r.mask_fill)
    problems.push(`mask_fill must be "-inf" or "min"; using "${mask_fill}".`);
  const use_mask = typeof r.use_mask === 'boolean' ? r.use_mask : PADDING_DEFAULT.use_mask;
  return { sentences, mask_fill, use_mask };
}
