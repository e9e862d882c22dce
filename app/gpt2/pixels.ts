import { interpolateRdBu, interpolateViridis } from 'd3';
import { shadeIndex } from '../../src/gpt2/thumbnails.ts';
import { lutOf } from '../heatmap/pixels.ts';

/** The heatmaps' 256-entry ramp table, repacked as RGBA uint32 (little-endian: one store a pixel). */
function lut(ramp: (t: number) => string): Uint32Array {
  const rgb = lutOf(ramp);
  const out = new Uint32Array(256);
  for (let k = 0; k < 256; k++) out[k] = rgba([rgb[k * 3], rgb[k * 3 + 1], rgb[k * 3 + 2]]);
  return out;
}

function rgba([r, g, b]: number[]): number {
  return (r | (g << 8) | (b << 16) | (255 << 24)) >>> 0;
}

const VIRIDIS = lut(interpolateViridis);
const RED_BLUE = lut((t) => interpolateRdBu(1 - t));
const MASKED = rgba([200, 202, 206]);

/**
 * RGBA pixels of a [rows, cols] window (from row0, col0) of a map whose cell (r, c) has the
 * ramp index `shade(r, c)`; with `causal`, cells above the diagonal (key after query: the
 * causal mask) are grey.
 */
function causalPixels(
  row0: number,
  col0: number,
  rows: number,
  cols: number,
  causal: boolean,
  shade: (r: number, c: number) => number,
): ImageData {
  const px = new Uint32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const r = row0 + i;
    for (let j = 0; j < cols; j++) {
      const c = col0 + j;
      px[i * cols + j] = causal && c > r ? MASKED : VIRIDIS[shade(r, c)];
    }
  }
  return new ImageData(new Uint8ClampedArray(px.buffer), cols, rows);
}

/** A window of a row-major weight map (width `stride`), one pixel per cell, log scale. */
export function weightPixels(
  values: Float32Array,
  stride: number,
  row0: number,
  col0: number,
  rows: number,
  cols: number,
  causal: boolean,
): ImageData {
  return causalPixels(row0, col0, rows, cols, causal, (r, c) => shadeIndex(values[r * stride + c]));
}

/**
 * Rows [row0, row0 + rows) of a [size, size] map of ramp indices starting at `offset` (the
 * worker's thumbnails, `shadeRows`), masked cells grey.
 */
export function shadePixels(
  shades: Uint8Array,
  offset: number,
  size: number,
  row0: number,
  rows: number,
): ImageData {
  // A loop of its own, not causalPixels' call a cell: the grid's 12 × 128² cells are drawn on
  // the step's first paint, before the JIT has optimised anything.
  const px = new Uint32Array(rows * size);
  for (let i = 0; i < rows; i++) {
    const r = row0 + i;
    const from = offset + r * size;
    const unmasked = Math.min(r + 1, size);
    for (let c = 0; c < unmasked; c++) px[i * size + c] = VIRIDIS[shades[from + c]];
    px.fill(MASKED, i * size + unmasked, (i + 1) * size);
  }
  return new ImageData(new Uint8ClampedArray(px.buffer), size, rows);
}

/** RGBA pixels of a signed [rows, cols] matrix on a diverging scale symmetric around 0. */
export function signedPixels(values: Float32Array, rows: number, cols: number): ImageData {
  let m = 0;
  for (let k = 0; k < rows * cols; k++) m = Math.max(m, Math.abs(values[k]));
  const px = new Uint32Array(rows * cols);
  for (let k = 0; k < rows * cols; k++)
    px[k] = RED_BLUE[Math.round(m > 0 ? ((values[k] / m + 1) / 2) * 255 : 127.5)];
  return new ImageData(new Uint8ClampedArray(px.buffer), cols, rows);
}
