import { color } from 'd3';
import { CELL } from '../../src/chapter/panels/index.ts';
import type { ColourScale } from './colour.ts';

/** Fixed colours for cells the palette does not cover (read by both light and dark themes). */
const MASKED: [number, number, number] = [150, 150, 150];
const DROPPED: [number, number, number] = [60, 60, 60];
const NAN: [number, number, number] = [220, 0, 0];

/** 256 RGB entries of a ramp over [0, 1]: one d3 colour parse per entry, not per cell. */
const lutCache = new WeakMap<(t: number) => string, Uint8Array>();
export function lutOf(ramp: (t: number) => string): Uint8Array {
  let lut = lutCache.get(ramp);
  if (!lut) {
    lut = new Uint8Array(256 * 3);
    for (let k = 0; k < 256; k++) {
      const c = color(ramp(k / 255))?.rgb();
      lut.set(c ? [c.r, c.g, c.b] : NAN, k * 3);
    }
    lutCache.set(ramp, lut);
  }
  return lut;
}

/**
 * RGBA pixels for a matrix, one pixel per cell (CircuitsVis-style): the canvas is then scaled
 * up by CSS with `image-rendering: pixelated`, so 10⁶ cells cost one image, not 10⁶ nodes.
 * Colours come from a 256-entry table of the scale's ramp: a GPT-2 layer's 12 heads of 256×256
 * weights took ~1 s through d3's per-value scale and string parsing, and take a few ms this way.
 */
export function paintPixels(
  values: Float32Array,
  status: Uint8Array | null,
  scale: ColourScale,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(new ArrayBuffer(values.length * 4));
  const lut = lutOf(scale.ramp);
  const [lo, hi] = scale.domain;
  // Diverging domains are symmetric [-m, m] around 0 (the ramp's middle), so one map serves both.
  const span = hi - lo || 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const state = status ? status[i] : CELL.normal;
    const o = i * 4;
    out[o + 3] = 255;
    let rgb: readonly number[] | null = null;
    if (state === CELL.masked || v === Number.NEGATIVE_INFINITY) rgb = MASKED;
    else if (state === CELL.dropped) rgb = DROPPED;
    else if (Number.isNaN(v)) rgb = NAN;
    if (rgb) {
      out[o] = rgb[0];
      out[o + 1] = rgb[1];
      out[o + 2] = rgb[2];
      continue;
    }
    const t = Math.min(1, Math.max(0, (v - lo) / span));
    const k = Math.round(t * 255) * 3;
    // A cached cell (an earlier call's) is the same colour, faded towards white.
    const keep = state === CELL.cached ? 0.3 : 1;
    out[o] = 255 - keep * (255 - lut[k]);
    out[o + 1] = 255 - keep * (255 - lut[k + 1]);
    out[o + 2] = 255 - keep * (255 - lut[k + 2]);
  }
  return out;
}
