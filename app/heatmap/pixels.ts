import { color } from 'd3';
import { CELL } from '../../src/chapter/panels/index.ts';
import type { ColourScale } from './colour.ts';

/** Fixed colours for cells the palette does not cover (read by both light and dark themes). */
const MASKED: [number, number, number] = [150, 150, 150];
const DROPPED: [number, number, number] = [60, 60, 60];
const NAN: [number, number, number] = [220, 0, 0];

/**
 * RGBA pixels for a matrix, one pixel per cell (CircuitsVis-style): the canvas is then scaled
 * up by CSS with `image-rendering: pixelated`, so 10⁶ cells cost one image, not 10⁶ nodes.
 */
export function paintPixels(
  values: Float32Array,
  status: Uint8Array | null,
  scale: ColourScale,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(new ArrayBuffer(values.length * 4));
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const state = status?.[i] ?? CELL.normal;
    let rgb: [number, number, number];
    if (state === CELL.masked || v === Number.NEGATIVE_INFINITY) rgb = MASKED;
    else if (state === CELL.dropped) rgb = DROPPED;
    else if (Number.isNaN(v)) rgb = NAN;
    else {
      const c = color(scale.colour(v))?.rgb();
      rgb = c ? [c.r, c.g, c.b] : NAN;
    }
    out.set([rgb[0], rgb[1], rgb[2], 255], i * 4);
  }
  return out;
}
