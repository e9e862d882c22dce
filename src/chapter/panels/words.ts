/** Small helpers for titles and checks written with the numbers on screen. */

import { maxAbsDiff } from '../derive.ts';
import { fmt } from '../formula/tex.ts';
import type { Check } from './types.ts';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 12 → "¹²", for x⁽¹²⁾ in titles. */
export function sup(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]);
}

/** x⁽ⁿ⁾ "token": the chapter's name for a token's input vector. */
export function tokenName(tokens: readonly string[], i: number): string {
  return `x⁽${sup(i + 1)}⁾ “${tokens[i]}”`;
}

/** A check that two tensors agree, with the largest difference in words. */
export function sameCheck(a: Float32Array, b: Float32Array, what: string): Check {
  const diff = maxAbsDiff(a, b);
  if (diff === 0) return { ok: true, text: `${what}: identical, to the last bit.` };
  if (diff < 1e-6) {
    return {
      ok: true,
      text: `${what}: equal up to float32 rounding (largest difference ${diff.toExponential(1)}).`,
    };
  }
  return {
    ok: false,
    text: `${what}: they differ (largest difference ${Number.isNaN(diff) ? 'NaN' : fmt(diff)}).`,
  };
}
