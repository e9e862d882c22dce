import type { Highlight } from './highlight.ts';
import type { Layout } from './layout.ts';

/** Outlines for the focused query row (solid), key column (dashed) and cell (thick). */
export function Overlay({
  highlight,
  box,
  rows,
  cols,
}: {
  highlight: Highlight;
  box: Layout;
  rows: number;
  cols: number;
}) {
  const { row, col, cell } = highlight;
  const s = box.cell;
  return (
    <g className="overlay" pointerEvents="none">
      {row !== null && (
        <rect
          className="hl-query"
          x={box.left}
          y={box.top + row * s}
          width={cols * s}
          height={s}
          data-highlight="query"
          data-index={row}
        />
      )}
      {col !== null && (
        <rect
          className="hl-key"
          x={box.left + col * s}
          y={box.top}
          width={s}
          height={rows * s}
          data-highlight="key"
          data-index={col}
        />
      )}
      {cell && (
        <rect
          className="hl-cell"
          x={box.left + cell[1] * s}
          y={box.top + cell[0] * s}
          width={s}
          height={s}
          data-highlight="cell"
          data-cell={`${cell[0]},${cell[1]}`}
        />
      )}
    </g>
  );
}
