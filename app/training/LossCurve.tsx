import { scaleLinear, scaleLog } from 'd3';
import { useMemo, useRef, useState } from 'react';
import { decadeTicks } from '../chart/log-ticks.ts';
import { PlotFrame } from '../chart/PlotFrame.tsx';
import { CHUNK, chunkCount, chunkPath, dataY, GrowingExtent } from './curve-chunks.ts';

const W = 420;
const H = 180;
const M = { top: 10, right: 12, bottom: 26, left: 52 };

export interface CurveProps {
  /** One value per step. */
  values: readonly number[];
  /** The accessible name, e.g. "loss curve". */
  label: string;
  log: boolean;
  /** The step drawn as the cursor. */
  at: number | null;
  onHover?(step: number | null): void;
  /** A second series drawn dashed on the same axes (the √d_k lesson's run without scaling). */
  compare?: readonly number[];
}

const NONE: readonly number[] = [];

/**
 * The curve's path chunks; full chunks are kept across frames (the history only grows until a
 * reset, which the first value changing or the length shrinking gives away).
 */
function useChunks(values: readonly number[], log: boolean): string[] {
  const cache = useRef({ log, first: values[0], full: [] as string[] });
  const c = cache.current;
  if (c.log !== log || c.first !== values[0] || c.full.length * CHUNK >= values.length) {
    cache.current = { log, first: values[0], full: [] };
  }
  const { full } = cache.current;
  const n = chunkCount(values.length);
  // A chunk is full once the point after it exists (its last point is the next one's first).
  while (full.length < n - 1) full.push(chunkPath(values, full.length, log));
  return n ? [...full, chunkPath(values, n - 1, log)] : [];
}

/**
 * A value per training step as a line (log or linear y, d3 scales); hovering reports the step
 * under the pointer, so the page can show the weights of that step.
 */
export function LossCurve({ values, label, log, at, onHover, compare = NONE }: CurveProps) {
  const chunks = useChunks(values, log);
  const compareChunks = useChunks(compare, log);
  const [ownRange] = useState(() => new GrowingExtent());
  const [compareRange] = useState(() => new GrowingExtent());
  const { transform, x, y, ticks } = useMemo(() => {
    const [a, b] = [ownRange.update(values), compareRange.update(compare)];
    const drawable = Math.min(a.lo, b.lo) <= Math.max(a.hi, b.hi);
    const [lo, hi] = drawable ? [Math.min(a.lo, b.lo), Math.max(a.hi, b.hi)] : [1e-6, 1];
    const x = scaleLinear()
      .domain([0, Math.max(1, values.length - 1, compare.length - 1)])
      .range([M.left, W - M.right]);
    const y = log
      ? scaleLog()
          .domain([lo, hi > lo ? hi : lo * 10])
          .range([H - M.bottom, M.top])
          .clamp(true)
      : scaleLinear()
          .domain([0, hi || 1])
          .range([H - M.bottom, M.top]);
    // The chunks are in data coordinates (step, value or log10 value): one affine map places them.
    const [d0, d1] = y.domain().map((v) => dataY(v, log) ?? 0);
    const [p0, p1] = y.range();
    const sy = d1 === d0 ? 0 : (p1 - p0) / (d1 - d0);
    const sx = x(1) - x(0);
    const transform = `matrix(${sx} 0 0 ${sy} ${x(0)} ${p0 - sy * d0})`;
    const [yLo, yHi] = y.domain();
    const ticks = log ? decadeTicks(yLo, yHi, 5) : y.ticks(4);
    return { transform, x, y, ticks };
  }, [values, compare, log, ownRange, compareRange]);
  const stepAt = (clientX: number, svg: SVGSVGElement) => {
    const box = svg.getBoundingClientRect();
    const px = ((clientX - box.left) / box.width) * W;
    const s = Math.round(x.invert(px));
    return Math.min(values.length - 1, Math.max(0, s));
  };
  const cursor = at !== null && at < values.length ? at : null;
  return (
    <svg
      className="loss-curve"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`${label}: ${values.length} steps${log ? ', log scale' : ''}`}
      onPointerMove={
        onHover && values.length ? (e) => onHover(stepAt(e.clientX, e.currentTarget)) : undefined
      }
      onPointerLeave={onHover ? () => onHover(null) : undefined}
    >
      <PlotFrame
        frame={{ W, H, M }}
        ticks={ticks}
        y={y}
        label={(t) => (log ? t.toExponential(0) : t.toPrecision(2))}
        xLabel="step"
      />
      <Series chunks={chunks} transform={transform} className="curve" />
      {compare.length > 0 && (
        <Series chunks={compareChunks} transform={transform} className="curve compare" />
      )}
      {cursor !== null && (
        <line x1={x(cursor)} x2={x(cursor)} y1={M.top} y2={H - M.bottom} className="cursor" />
      )}
    </svg>
  );
}

function Series(props: { chunks: string[]; transform: string; className: string }) {
  return (
    <g transform={props.transform} className="series">
      {props.chunks.map((d, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a chunk is its position in the curve
        <path key={k} d={d} className={props.className} vectorEffect="non-scaling-stroke" />
      ))}
    </g>
  );
}
