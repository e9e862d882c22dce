/**
 * The one number formatter: 4 decimals, as the book prints tensors (fewer when asked), never
 * "-0.0000". Infinities and NaN are spelled as PyTorch prints them ("-inf"), or as maths signs
 * on pictures ("−∞").
 */
export function formatNumber(
  x: number,
  infinities: 'torch' | 'math' = 'torch',
  decimals = 4,
): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return infinities === 'math' ? '∞' : 'inf';
  if (x === Number.NEGATIVE_INFINITY) return infinities === 'math' ? '−∞' : '-inf';
  const text = x.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/**
 * A count with thousands separated by commas ("1,024"), as `toLocaleString('en')` writes a whole
 * number — without Intl, whose first use here cost 30–70 ms (its locale data loaded) on the
 * GPT-2 step's first paint.
 */
export function formatCount(n: number): string {
  const digits = String(Math.abs(Math.trunc(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 && grouped !== '0' ? `-${grouped}` : grouped;
}

/** How a whole tensor prints: 4 decimals, or every value in scientific notation. */
export type Notation = 'fixed' | 'sci';

/**
 * PyTorch's choice (torch/_tensor_str.py, `_Formatter`), made once per tensor from its finite
 * nonzero magnitudes: scientific when the largest is over 1e3 times the smallest, over 1e8, or the
 * smallest is under 1e-4 — so 4 decimals never print a nonzero value as 0.0000.
 */
export function notationOf(values: ArrayLike<number>): Notation {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a === 0 || !Number.isFinite(a)) continue; // NaN fails isFinite too
    if (a < min) min = a;
    if (a > max) max = a;
  }
  if (max === 0) return 'fixed';
  return max / min > 1e3 || max > 1e8 || min < 1e-4 ? 'sci' : 'fixed';
}

/**
 * `x` in scientific notation with `digits` mantissa decimals: as Python's `{:.4e}` (PyTorch's
 * print, "-3.2146e-05", a signed two-digit exponent, so a column's values share one width), or
 * short for a heatmap cell ("-3.2e-5", "1.0e6"), infinities as maths signs.
 */
export function formatSci(x: number, digits: number, style: 'torch' | 'math' = 'torch'): string {
  if (!Number.isFinite(x)) return formatNumber(x, style);
  const [mantissa, exponent] = x.toExponential(digits).split('e');
  const e = Number(exponent);
  if (style === 'math') return `${mantissa}e${e}`;
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}
