import { memo } from 'react';
import { CELL } from '../../src/chapter/panels/index.ts';
import type { ColourScale } from './colour.ts';
import { textOn } from './contrast.ts';
import type { Layout } from './layout.ts';

export interface CellsProps {
  values: Float32Array;
  rows: number;
  cols: number;
  status: Uint8Array | null;
  scale: ColourScale;
  /** The tensor's printer (format.ts printerFor): one notation for all its cells. */
  format(value: number): string;
  box: Layout;
  hatchId: string;
}

/**
 * The cells, memoised apart from the highlight so hovering redraws only the outlines. Masked
 * cells are grey, dropped ones hatched, NaN outlined in red: each readable without colour.
 * Cached cells (an earlier call's, only read) are dimmed, their numbers in the page's own colour.
 */
export const Cells = memo(function Cells({
  values,
  rows,
  cols,
  status,
  scale,
  format,
  box,
  hatchId,
}: CellsProps) {
  const out = [];
  const gap = box.cell > 20 ? 2 : 0.5;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const v = values[i];
      const state = status?.[i] ?? CELL.normal;
      const masked = state === CELL.masked || v === Number.NEGATIVE_INFINITY;
      const dropped = state === CELL.dropped;
      const cached = state === CELL.cached && !masked;
      const fill =
        masked || Number.isNaN(v) ? undefined : dropped ? `url(#${hatchId})` : scale.colour(v);
      const x = box.left + c * box.cell;
      const y = box.top + r * box.cell;
      const className = masked
        ? 'cell masked'
        : dropped
          ? 'cell dropped'
          : Number.isNaN(v)
            ? 'cell nan'
            : cached
              ? 'cell cached'
              : 'cell';
      out.push(
        <g key={i} className={className} data-row={r} data-col={c}>
          <rect
            x={x + gap / 2}
            y={y + gap / 2}
            width={box.cell - gap}
            height={box.cell - gap}
            rx={3}
            fill={fill}
          />
          {box.printed && (
            <text
              x={x + box.cell / 2}
              y={y + box.cell / 2}
              textAnchor="middle"
              dominantBaseline="central"
              fill={fill && !dropped && !cached ? textOn(fill) : undefined}
            >
              {format(v)}
            </text>
          )}
        </g>,
      );
    }
  }
  return <g className="cells">{out}</g>;
});
