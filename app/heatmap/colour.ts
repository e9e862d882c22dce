/**
 * Colour scales per kind of tensor, all colour-blind safe: viridis (sequential) for weights and
 * masks, which live in [0, max]; RdBu (diverging, symmetric around 0) for signed scores, vectors
 * and weight matrices, red for positive as in most attention plots.
 */
import { interpolateRdBu, interpolateViridis, scaleDiverging, scaleSequential } from 'd3';
import type { PanelKind } from '../../src/chapter/panels/index.ts';

export interface ColourScale {
  colour: (value: number) => string;
  /** The ramp over [0, 1], for the legend. */
  ramp: (t: number) => string;
  domain: [number, number];
  diverging: boolean;
}

const redBlue = (t: number) => interpolateRdBu(1 - t);

export function colourScale(kind: PanelKind, values: Float32Array): ColourScale {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (kind === 'scores' || kind === 'vectors' || kind === 'params') {
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    const scale = scaleDiverging(redBlue).domain([-m, 0, m]);
    return { colour: (v) => scale(v), ramp: redBlue, domain: [-m, m], diverging: true };
  }
  const top = kind === 'mask' ? 1 : hi > lo ? hi : lo + 1;
  const scale = scaleSequential(interpolateViridis).domain([lo, top]);
  return { colour: (v) => scale(v), ramp: interpolateViridis, domain: [lo, top], diverging: false };
}
