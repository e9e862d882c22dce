import { useId, useMemo } from 'react';
import type { PanelKind } from '../../src/chapter/panels/index.ts';
import { Cells } from './Cells.tsx';
import { colourScale } from './colour.ts';
import { type Printing, printerFor } from './format.ts';
import { type Highlight, NO_HIGHLIGHT } from './highlight.ts';
import { Legend } from './Legend.tsx';
import { LEGEND_MIN, layout, shortLabel } from './layout.ts';
import { Overlay } from './Overlay.tsx';
import { useCellKeys } from './useCellKeys.ts';

export interface CellRef {
  row: number;
  col: number;
}

export interface HeatmapProps {
  /** Row-major [rows.length × cols.length] values. */
  values: Float32Array;
  rows: readonly string[];
  cols: readonly string[];
  /** What the values are, e.g. "attention weights"; names the picture for screen readers. */
  label: string;
  kind?: PanelKind;
  /** CELL.* per cell: masked cells grey, dropped ones hatched. */
  status?: Uint8Array | null;
  /** What rows and columns stand for, e.g. "queries" and "keys". */
  rowTitle?: string;
  colTitle?: string;
  highlight?: Highlight;
  /** How the numbers print: the book's 4 decimals (default), or as PyTorch prints the tensor. */
  printing?: Printing;
  onHover?(cell: CellRef | null): void;
  onSelect?(cell: CellRef): void;
}

/** The cell under a pointer event, from the data attributes Cells puts on each cell. */
export function cellOf(target: EventTarget | null): CellRef | null {
  const g = (target as Element | null)?.closest?.('[data-row]');
  if (!g) return null;
  return { row: Number(g.getAttribute('data-row')), col: Number(g.getAttribute('data-col')) };
}

/**
 * A matrix as SVG: d3 scales colour the cells, React draws them. Hover and click report cells
 * to the caller; arrow keys move a cell cursor when the picture has focus (Enter locks).
 */
export function Heatmap(props: HeatmapProps) {
  const { values, rows, cols, label, kind = 'weights', status = null } = props;
  const { highlight = NO_HIGHLIGHT, onHover, onSelect, printing } = props;
  const hatchId = useId();
  const box = useMemo(() => layout(rows, cols), [rows, cols]);
  const scale = useMemo(() => colourScale(kind, values), [kind, values]);
  const printer = useMemo(() => printerFor(values, printing), [values, printing]);
  const keys = useCellKeys(rows.length, cols.length, highlight, onHover, onSelect);
  const rowTitle = props.rowTitle ?? 'queries';
  const colTitle = props.colTitle ?? 'keys';

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: useCellKeys adds the keyboard handlers
    <svg
      className="heatmap"
      viewBox={`0 0 ${box.width} ${box.height}`}
      width={box.width}
      height={box.height}
      role="img"
      aria-label={`Heatmap of ${label}: rows are ${rowTitle}, columns are ${colTitle}`}
      tabIndex={onHover ? 0 : undefined}
      onPointerMove={onHover ? (e) => onHover(cellOf(e.target)) : undefined}
      onPointerLeave={onHover ? () => onHover(null) : undefined}
      onClick={
        onSelect
          ? (e) => {
              const cell = cellOf(e.target);
              if (cell) onSelect(cell);
            }
          : undefined
      }
      {...keys}
    >
      <defs>
        <pattern
          id={hatchId}
          patternUnits="userSpaceOnUse"
          width={6}
          height={6}
          patternTransform="rotate(45)"
        >
          <rect width={6} height={6} className="hatch-bg" />
          <line x1={0} y1={0} x2={0} y2={6} className="hatch-line" />
        </pattern>
      </defs>
      <text className="axis-title" x={box.left} y={12}>
        {colTitle} →
      </text>
      <text className="axis-title" x={4} y={box.top - 6}>
        {rowTitle} ↓
      </text>
      {cols.map((c, i) => {
        const x = box.left + (i + 0.5) * box.cell;
        const y = box.top - 8;
        const active = highlight.col === i;
        return (
          <text
            // biome-ignore lint/suspicious/noArrayIndexKey: labels repeat; the position is the identity
            key={i}
            className={active ? 'tick active-key' : 'tick'}
            x={x}
            y={y}
            textAnchor={box.rotated ? 'start' : 'middle'}
            transform={box.rotated ? `rotate(-45 ${x} ${y})` : undefined}
          >
            <title>{c}</title>
            {shortLabel(c)}
          </text>
        );
      })}
      {rows.map((r, i) => (
        <text
          // biome-ignore lint/suspicious/noArrayIndexKey: labels repeat; the position is the identity
          key={i}
          className={highlight.row === i ? 'tick active-query' : 'tick'}
          x={box.left - 8}
          y={box.top + (i + 0.5) * box.cell}
          textAnchor="end"
          dominantBaseline="central"
        >
          <title>{r}</title>
          {shortLabel(r)}
        </text>
      ))}
      <Cells
        values={values}
        rows={rows.length}
        cols={cols.length}
        status={status}
        scale={scale}
        format={printer.cell}
        box={box}
        hatchId={hatchId}
      />
      <Overlay highlight={highlight} box={box} rows={rows.length} cols={cols.length} />
      <Legend
        scale={scale}
        format={printer.cell}
        x={box.left}
        y={box.legendY}
        width={Math.max(cols.length * box.cell, LEGEND_MIN)}
      />
      {highlight.cell && !box.printed && (
        <text className="readout" x={box.left} y={box.legendY + 30}>
          {printer.cell(values[highlight.cell[0] * cols.length + highlight.cell[1]])}
        </text>
      )}
    </svg>
  );
}
