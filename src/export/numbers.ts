/**
 * Numbers as text for copying out of the page. "full" is the shortest decimal that reads back
 * as the same float32 (what the engine computed), "4" is what the page and the book print.
 */
export type Precision = 4 | 'full';

/** The shortest decimal that `Math.fround` reads back as this float32. */
export function shortestFloat32(value: number): string {
  const x = Math.fround(value);
  if (Object.is(x, -0)) return '-0.0';
  for (let digits = 1; digits <= 9; digits++) {
    const text = x.toPrecision(digits);
    if (Math.fround(Number(text)) === x) return tidy(text);
  }
  return tidy(x.toPrecision(9));
}

/** "1.50000" → "1.5", "3e+5" → "3e5", "7" → "7.0": a float in Python and JSON alike. */
function tidy(text: string): string {
  let [mantissa, exponent] = text.toLowerCase().split('e');
  if (mantissa.includes('.')) mantissa = mantissa.replace(/0+$/, '').replace(/\.$/, '.0');
  else mantissa = `${mantissa}.0`;
  return exponent === undefined ? mantissa : `${mantissa}e${Number(exponent)}`;
}

/** Finite values only; the callers spell ±∞ and NaN in their own language. */
export function formatFinite(value: number, precision: Precision): string {
  if (precision === 'full') return shortestFloat32(value);
  const text = value.toFixed(4);
  return text === '-0.0000' ? '0.0000' : text;
}
