/** How heatmap values are printed: 4 decimals, as the book prints its tensors. */

/** On the picture: −∞ as the maths sign. */
export function formatValue(value: number): string {
  if (value === Number.NEGATIVE_INFINITY) return '−∞';
  if (value === Number.POSITIVE_INFINITY) return '∞';
  return formatCell(value);
}

/** In the tables: "-inf" as PyTorch prints it, so a copied row reads like the book. */
export function formatCell(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'inf';
  if (value === Number.NEGATIVE_INFINITY) return '-inf';
  const text = value.toFixed(4);
  return text === '-0.0000' ? '0.0000' : text;
}
