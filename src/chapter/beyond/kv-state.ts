/**
 * §4.2's own fields: the prompt length (prefill), how many tokens have been generated after
 * it and the KV groups (key/value heads: MHA, GQA or MQA), each a zod schema the permalink carries with a clamp for hostile links, and the fit to the
 * learner's tokens (T shrinks when they delete rows) that says what it changed.
 */
import { z } from 'zod';
import { MAX_TOKENS } from '../limits.ts';
import type { LocalField } from '../steps/types.ts';
import { numKvGroupsField } from './state.ts';

const countField = (label: string, initial: number, min: number): LocalField<number> => ({
  label,
  initial,
  schema: z.number().int().min(min).max(MAX_TOKENS),
  clamp: (raw) =>
    typeof raw === 'number' && Number.isFinite(raw)
      ? Math.max(min, Math.min(MAX_TOKENS, Math.round(raw)))
      : null,
});

/** Prompt tokens the first call computes at once (rasbt's prefill). */
export const prefillField = countField('prompt length (prefill)', 3, 1);
/** Tokens generated one call each after the prompt; 0 = only the prefill call so far. */
export const generatedField = countField('tokens generated', 1, 0);

/** Key/value heads the cache keeps, fitted to a divisor of num_heads at use (fitGqa). */
export const kvGroupsField: LocalField<number> = { ...numKvGroupsField, label: 'KV groups' };

export interface KvProgress {
  prefill: number;
  generated: number;
  /** Tokens in the cache: prefill + generated, at most T. */
  t: number;
  /** The first row the latest call computed: 0 after the prefill call, else t − 1. */
  newFrom: number;
  /** What fitting to the tokens changed, in words. */
  problems: string[];
}

/** The fields fitted to T tokens: 1 ≤ prefill ≤ T and prefill + generated ≤ T. */
export function fitKv(wanted: { prefill: number; generated: number }, T: number): KvProgress {
  const problems: string[] = [];
  const prefill = Math.max(1, Math.min(T, wanted.prefill));
  if (prefill !== wanted.prefill)
    problems.push(
      `The prompt (prefill = ${wanted.prefill}) must be 1 to ${T} tokens; using ${prefill}.`,
    );
  const room = T - prefill;
  const generated = Math.max(0, Math.min(room, wanted.generated));
  if (generated !== wanted.generated)
    problems.push(
      `${wanted.generated === 1 ? '1 token generated does' : `${wanted.generated} tokens generated do`} not fit after a prompt of ${prefill} in ${T} tokens; using ${generated}.`,
    );
  const t = prefill + generated;
  return { prefill, generated, t, newFrom: generated === 0 ? 0 : t - 1, problems };
}
