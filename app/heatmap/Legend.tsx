import { useId } from 'react';
import type { ColourScale } from './colour.ts';

const STOPS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** The colour ramp with its ends (and 0 in the middle for diverging scales). */
export function Legend({
  scale,
  format,
  x,
  y,
  width,
}: {
  scale: ColourScale;
  /** The tensor's cell printer, so the ends read like its cells. */
  format(value: number): string;
  x: number;
  y: number;
  width: number;
}) {
  const id = useId();
  const [lo, hi] = scale.domain;
  return (
    <g className="legend">
      <defs>
        <linearGradient id={id}>
          {STOPS.map((s) => (
            <stop key={s} offset={s} stopColor={scale.ramp(s)} />
          ))}
        </linearGradient>
      </defs>
      <rect x={x} y={y} width={width} height={8} rx={2} fill={`url(#${id})`} />
      <text className="tick small" x={x} y={y + 22} textAnchor="start">
        {format(lo)}
      </text>
      {scale.diverging && width >= 150 && (
        <text className="tick small" x={x + width / 2} y={y + 22} textAnchor="middle">
          0
        </text>
      )}
      <text className="tick small" x={x + width} y={y + 22} textAnchor="end">
        {format(hi)}
      </text>
    </g>
  );
}
