/** How heatmap values are printed: the one formatter of src/chapter/format.ts. */
import { formatNumber } from '../../src/chapter/format.ts';

/** On the picture: −∞ as the maths sign. */
export const formatValue = (value: number): string => formatNumber(value, 'math');

/** In the tables: "-inf" as PyTorch prints it, so a copied row reads like the book. */
export const formatCell = (value: number): string => formatNumber(value);
