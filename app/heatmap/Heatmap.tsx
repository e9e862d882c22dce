import { interpolateViridis, lab, max, min, scaleBand, scaleSequential } from 'd3';
import { useId } from 'react';
import { formatValue } from './format.ts';
import { positions } from './positions.ts';

export interface HeatmapProps {
  /** Row-major [rows.length × cols.length] values. */
  values: Float32Array;
  /** Query tokens, one per row. */
  rows: readonly string[];
  /** Key tokens, one per column. */
  cols: readonly string[];
  /** What the values are, e.g. "attention weights"; names the picture for screen readers. */
  label: string;
  /** Colour domain; defaults to [min(0, values), max(values)]. */
  domain?: [number, number];
}

const CELL = 72;
const LEFT = 88;
const TOP = 56;
const LEGEND = 44;

/**
 * A T×T matrix as SVG rects: d3 scales place and colour the cells (viridis, sequential and
 * colour-blind safe), React draws them. The screen-reader alternative is HeatmapTable.
 */
export function Heatmap({ values, rows, cols, label, domain }: HeatmapProps) {
  const gradientId = useId();
  const finite = Array.from(values).filter(Number.isFinite);
  const lo = domain?.[0] ?? Math.min(0, min(finite) ?? 0);
  const hi = domain?.[1] ?? max(finite) ?? 1;
  const colour = scaleSequential(interpolateViridis).domain([lo, hi === lo ? lo + 1 : hi]);
  const indices = (n: number) => Array.from({ length: n }, (_, i) => String(i));
  const x = scaleBand(indices(cols.length), [LEFT, LEFT + cols.length * CELL]).padding(0.04);
  const y = scaleBand(indices(rows.length), [TOP, TOP + rows.length * CELL]).padding(0.04);
  const width = LEFT + cols.length * CELL + 8;
  const height = TOP + rows.length * CELL + LEGEND;
  const legendY = TOP + rows.length * CELL + 16;
  const stops = [0, 0.25, 0.5, 0.75, 1];
  const queries = positions(rows, 'q');
  const keys = positions(cols, 'k');

  return (
    <svg
      className="heatmap"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={`Heatmap of ${label}: rows are queries, columns are keys`}
    >
      <defs>
        <linearGradient id={gradientId}>
          {stops.map((s) => (
            <stop key={s} offset={s} stopColor={interpolateViridis(s)} />
          ))}
        </linearGradient>
      </defs>
      <text className="axis-title" x={LEFT} y={14}>
        keys →
      </text>
      <text className="axis-title" x={4} y={TOP - 8}>
        queries ↓
      </text>
      {keys.map((k) => (
        <text
          key={k.id}
          className="tick"
          x={(x(String(k.index)) ?? 0) + x.bandwidth() / 2}
          y={TOP - 10}
          textAnchor="middle"
        >
          {k.label}
        </text>
      ))}
      {queries.map((q) => (
        <text
          key={q.id}
          className="tick"
          x={LEFT - 8}
          y={(y(String(q.index)) ?? 0) + y.bandwidth() / 2}
          textAnchor="end"
          dominantBaseline="central"
        >
          {q.label}
        </text>
      ))}
      {queries.map((q) =>
        keys.map((k) => {
          const value = values[q.index * cols.length + k.index];
          const fill = Number.isFinite(value) ? colour(value) : 'transparent';
          const left = x(String(k.index)) ?? 0;
          const top = y(String(q.index)) ?? 0;
          return (
            <g key={`${q.id}${k.id}`} className="cell">
              <rect
                x={left}
                y={top}
                width={x.bandwidth()}
                height={y.bandwidth()}
                rx={3}
                fill={fill}
              />
              <text
                x={left + x.bandwidth() / 2}
                y={top + y.bandwidth() / 2}
                textAnchor="middle"
                dominantBaseline="central"
                fill={textColour(fill)}
              >
                {formatValue(value)}
              </text>
            </g>
          );
        }),
      )}
      <rect
        x={LEFT}
        y={legendY}
        width={cols.length * CELL}
        height={10}
        rx={2}
        fill={`url(#${gradientId})`}
      />
      <text className="tick" x={LEFT} y={legendY + 24} textAnchor="start">
        {formatValue(lo)}
      </text>
      <text className="tick" x={LEFT + cols.length * CELL} y={legendY + 24} textAnchor="end">
        {formatValue(hi)}
      </text>
    </svg>
  );
}

/** Dark text on light cells, light text on dark ones (CIELAB lightness). */
function textColour(fill: string): string {
  if (fill === 'transparent') return 'currentColor';
  return lab(fill).l > 60 ? '#111' : '#fff';
}
