/** How every heatmap value is printed: 4 decimals, as the book prints its tensors. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value === Number.NEGATIVE_INFINITY) return '−∞';
  const text = value.toFixed(4);
  return text === '-0.0000' ? '0.0000' : text;
}
