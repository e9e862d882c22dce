import { color, interpolateRdBu, interpolateViridis } from 'd3';

function lut(ramp: (t: number) => string): Uint8Array {
  const out = new Uint8Array(256 * 3);
  for (let k = 0; k < 256; k++) {
    const c = color(ramp(k / 255))?.rgb();
    out.set(c ? [c.r, c.g, c.b] : [255, 0, 0], k * 3);
  }
  return out;
}

const VIRIDIS = lut(interpolateViridis);
const RED_BLUE = lut((t) => interpolateRdBu(1 - t));
const MASKED = [200, 202, 206];

/** Weights are shown on a log scale from 10⁻⁴ to 1: at T = 1,024 most weights are near 1/T. */
export const LOG_FLOOR = -4;

export function weightShade(w: number): number {
  if (w <= 0) return 0;
  const t = (Math.log10(w) - LOG_FLOOR) / -LOG_FLOOR;
  return Math.max(0, Math.min(1, t));
}

/**
 * RGBA pixels of a [rows, cols] window of a row-major weight map (width `stride`), one pixel per
 * cell; cells above the diagonal (key after query: the causal mask) are grey.
 */
export function weightPixels(
  values: Float32Array,
  stride: number,
  row0: number,
  col0: number,
  rows: number,
  cols: number,
  causal: boolean,
): ImageData {
  const px = new Uint8ClampedArray(rows * cols * 4);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const o = (i * cols + j) * 4;
      const r = row0 + i;
      const c = col0 + j;
      const v = values[r * stride + c];
      if (causal && c > r) px.set(MASKED, o);
      else px.set(VIRIDIS.subarray(...range(Math.round(weightShade(v) * 255))), o);
      px[o + 3] = 255;
    }
  }
  return new ImageData(px, cols, rows);
}

/** RGBA pixels of a signed [rows, cols] matrix on a diverging scale symmetric around 0. */
export function signedPixels(values: Float32Array, rows: number, cols: number): ImageData {
  let m = 0;
  for (const v of values) if (Math.abs(v) > m) m = Math.abs(v);
  const px = new Uint8ClampedArray(rows * cols * 4);
  for (let k = 0; k < rows * cols; k++) {
    const t = m > 0 ? (values[k] / m + 1) / 2 : 0.5;
    px.set(RED_BLUE.subarray(...range(Math.round(t * 255))), k * 4);
    px[k * 4 + 3] = 255;
  }
  return new ImageData(px, cols, rows);
}

function range(k: number): [number, number] {
  return [k * 3, k * 3 + 3];
}
