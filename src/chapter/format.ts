/**
 * The one number formatter: 4 decimals, as the book prints tensors, never "-0.0000". Infinities
 * and NaN are spelled as PyTorch prints them ("-inf"), or as maths signs on pictures ("−∞").
 */
export function formatNumber(x: number, infinities: 'torch' | 'math' = 'torch'): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return infinities === 'math' ? '∞' : 'inf';
  if (x === Number.NEGATIVE_INFINITY) return infinities === 'math' ? '−∞' : '-inf';
  const text = x.toFixed(4);
  return text === '-0.0000' ? '0.0000' : text;
}
