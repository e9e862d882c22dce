import { extent, line, scaleLinear, scaleLog } from 'd3';
import { useMemo } from 'react';
import { PlotFrame } from '../chart/PlotFrame.tsx';

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
}

/**
 * A value per training step as a d3 line (log or linear y); hovering reports the step under the
 * pointer, so the page can show the weights of that step.
 */
export function LossCurve({ values, label, log, at, onHover }: CurveProps) {
  const { path, x, y, ticks } = useMemo(() => {
    const positive = values.filter((v) => v > 0 && Number.isFinite(v));
    const [lo, hi] = extent(positive.length ? positive : [1e-6, 1]) as [number, number];
    const x = scaleLinear()
      .domain([0, Math.max(1, values.length - 1)])
      .range([M.left, W - M.right]);
    const y = log
      ? scaleLog()
          .domain([lo, hi > lo ? hi : lo * 10])
          .range([H - M.bottom, M.top])
          .clamp(true)
      : scaleLinear()
          .domain([0, hi || 1])
          .range([H - M.bottom, M.top]);
    const path = line<number>()
      .defined((v) => Number.isFinite(v) && (!log || v > 0))
      .x((_, i) => x(i))
      .y((v) => y(v))(values as number[]);
    // Log ticks: powers of ten only, or the labels pile up.
    const ticks = log ? y.ticks(4).filter((t) => Number.isInteger(Math.log10(t))) : y.ticks(4);
    return { path, x, y, ticks };
  }, [values, log]);
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
        label={(t) => t.toPrecision(2)}
        xLabel="step"
      />
      {path && <path d={path} className="curve" />}
      {cursor !== null && (
        <line x1={x(cursor)} x2={x(cursor)} y1={M.top} y2={H - M.bottom} className="cursor" />
      )}
    </svg>
  );
}
