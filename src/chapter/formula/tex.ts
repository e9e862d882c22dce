/**
 * Number and index formatting shared by the formulas: 4 decimals as the book prints tensors,
 * TeX for KaTeX and plain text for screen readers (and tests).
 */

import { formatNumber } from '../format.ts';

/** 4 decimals, never "−0.0000"; −∞ and NaN spelled out (the one formatter, ../format.ts). */
export const fmt = (x: number): string => formatNumber(x);

/** A number in TeX; negative ones in parentheses when they are a factor or a term. */
export function tx(x: number, wrapNegative = false): string {
  if (x === Number.NEGATIVE_INFINITY) return '-\\infty';
  if (x === Number.POSITIVE_INFINITY) return '\\infty';
  if (Number.isNaN(x)) return '\\text{NaN}';
  const text = fmt(x);
  return wrapNegative && text.startsWith('-') ? `(${text})` : text;
}

/** 1-based subscripts: "23", or "2,13" once an index has two digits. */
export function sub(...zeroBased: number[]): string {
  const idx = zeroBased.map((i) => i + 1);
  return idx.some((i) => i >= 10) ? idx.join(',') : idx.join('');
}

/** Written-out terms of a sum; long sums keep the first three and the last. */
export function terms(parts: string[], plus = ' + '): string {
  if (parts.length <= 6) return parts.join(plus);
  return [...parts.slice(0, 3), '\\cdots', parts[parts.length - 1]].join(plus);
}

/** The same for plain text. */
export function textTerms(parts: string[]): string {
  if (parts.length <= 6) return parts.join(' + ');
  return [...parts.slice(0, 3), '…', parts[parts.length - 1]].join(' + ');
}

/** a·b + … in TeX and text, with the products' factors printed. */
export function dotProduct(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): { tex: string; text: string } {
  const tex: string[] = [];
  const text: string[] = [];
  for (let i = 0; i < a.length; i++) {
    tex.push(`${tx(a[i], true)} \\cdot ${tx(b[i], true)}`);
    text.push(`${fmt(a[i])} × ${fmt(b[i])}`);
  }
  return { tex: terms(tex), text: textTerms(text) };
}

/** "head 2: " in front of a formula when there are several heads ("K/V head 2: " for GQA's). */
export function headPrefix(
  head: number,
  heads: number,
  name = 'head',
): { tex: string; text: string } {
  if (heads <= 1) return { tex: '', text: '' };
  return { tex: `\\text{${name} ${head + 1}:}\\;\\; `, text: `${name} ${head + 1}: ` };
}
