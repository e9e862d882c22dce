import { ZOOM_LEVELS } from '../../src/gpt2/view.ts';

/** The square window of a T × T map that a zoom level shows: n cells a side from (row0, col0). */
export interface ZoomWindow {
  n: number;
  row0: number;
  col0: number;
}

export function windowFor(t: number, zoom: number, row0: number, col0: number): ZoomWindow {
  const n = Math.max(1, Math.ceil(t / zoom));
  const clamp = (v: number) => Math.max(0, Math.min(t - n, Math.round(v)));
  return { n, row0: clamp(row0), col0: clamp(col0) };
}

export function nextZoom(zoom: number, step: 1 | -1): number {
  const i = ZOOM_LEVELS.indexOf(zoom as (typeof ZOOM_LEVELS)[number]);
  const j = Math.max(0, Math.min(ZOOM_LEVELS.length - 1, Math.max(i, 0) + step));
  return ZOOM_LEVELS[j];
}

/** The window after zooming about a cell: that cell stays where it was on screen. */
export function zoomAbout(
  t: number,
  w: ZoomWindow,
  zoom: number,
  row: number,
  col: number,
): ZoomWindow {
  const n = Math.max(1, Math.ceil(t / zoom));
  const fr = (row - w.row0) / w.n;
  const fc = (col - w.col0) / w.n;
  return windowFor(t, zoom, row - fr * n, col - fc * n);
}
