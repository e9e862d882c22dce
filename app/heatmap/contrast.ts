/**
 * Text colour on a heatmap cell by WCAG 2 contrast ratio, not by lightness: a lightness
 * threshold left a fifth of the printed numbers under 4.5:1. Pure functions (no DOM, no React).
 */
import { rgb } from 'd3';

export const DARK_TEXT = '#000000';
export const LIGHT_TEXT = '#ffffff';

/** WCAG 2 relative luminance of a CSS colour (sRGB, 0 black … 1 white). */
export function luminance(colour: string): number {
  const { r, g, b } = rgb(colour);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio between two colours, 1 … 21. */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Whichever of dark or white text contrasts more with the fill. */
export function textOn(fill: string): string {
  return contrastRatio(DARK_TEXT, fill) >= contrastRatio(LIGHT_TEXT, fill) ? DARK_TEXT : LIGHT_TEXT;
}
