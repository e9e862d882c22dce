import { type PointerEvent, useEffect, useMemo, useRef } from 'react';
import { colourScale } from './colour.ts';
import type { CellRef, HeatmapProps } from './Heatmap.tsx';
import { NO_HIGHLIGHT } from './highlight.ts';
import { pixelContext } from './pixel-canvas.ts';
import { paintPixels } from './pixels.ts';
import { useCellKeys } from './useCellKeys.ts';

/** The cell under a pointer, from its position over the scaled-up canvas. */
function cellAt(e: PointerEvent<HTMLCanvasElement>, rows: number, cols: number): CellRef | null {
  const box = e.currentTarget.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  const col = Math.floor(((e.clientX - box.left) / box.width) * cols);
  const row = Math.floor(((e.clientY - box.top) / box.height) * rows);
  return row >= 0 && row < rows && col >= 0 && col < cols ? { row, col } : null;
}

const pct = (n: number, of: number) => `${(n / of) * 100}%`;

/** The same picture as Heatmap for matrices past ~32×32: one canvas pixel per cell. */
export function HeatmapCanvas(props: HeatmapProps) {
  const { values, rows, cols, label, kind = 'weights', status = null } = props;
  const { highlight = NO_HIGHLIGHT, onHover, onSelect } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const scale = useMemo(() => colourScale(kind, values), [kind, values]);
  const keys = useCellKeys(rows.length, cols.length, highlight, onHover, onSelect);
  const r = rows.length;
  const c = cols.length;

  useEffect(() => {
    const ctx = pixelContext(canvas.current);
    if (!ctx) return; // no canvas support (e.g. jsdom): the table alternative still holds the values
    ctx.putImageData(new ImageData(paintPixels(values, status, scale), c, r), 0, 0);
  }, [values, status, scale, r, c]);

  const size = Math.max(3, Math.floor(640 / Math.max(r, c)));
  return (
    <div className="heatmap-canvas" style={{ width: c * size, maxWidth: '100%' }}>
      <canvas
        ref={canvas}
        width={c}
        height={r}
        role="img"
        aria-label={`Heatmap of ${label}: rows are ${props.rowTitle ?? 'queries'}, columns are ${props.colTitle ?? 'keys'}`}
        tabIndex={onHover ? 0 : undefined}
        onPointerMove={onHover ? (e) => onHover(cellAt(e, r, c)) : undefined}
        onPointerLeave={onHover ? () => onHover(null) : undefined}
        onClick={
          onSelect
            ? (e) => {
                const cell = cellAt(e as unknown as PointerEvent<HTMLCanvasElement>, r, c);
                if (cell) onSelect(cell);
              }
            : undefined
        }
        {...keys}
      />
      {highlight.row !== null && (
        <div
          className="hl-query"
          data-highlight="query"
          style={{ top: pct(highlight.row, r), height: pct(1, r), left: 0, right: 0 }}
        />
      )}
      {highlight.col !== null && (
        <div
          className="hl-key"
          data-highlight="key"
          style={{ left: pct(highlight.col, c), width: pct(1, c), top: 0, bottom: 0 }}
        />
      )}
    </div>
  );
}
