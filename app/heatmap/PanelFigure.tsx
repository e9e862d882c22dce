import './heatmap.css';
import { useMemo } from 'react';
import { focusTokens, type Panel } from '../../src/chapter/panels/index.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { type Focus, useActions, useLab } from '../store/index.ts';
import type { CellRef } from './Heatmap.tsx';
import { Heatmap } from './Heatmap.tsx';
import { HeatmapCanvas } from './HeatmapCanvas.tsx';
import { HeatmapTable } from './HeatmapTable.tsx';
import { highlightFor } from './highlight.ts';

/** Past this many cells a canvas replaces the SVG (never one DOM node per cell at scale). */
export const CANVAS_CELLS = 32 * 32;

const ROW_TITLE = { query: 'queries', key: 'keys', dim: 'dimensions', none: 'inputs' } as const;
const COL_TITLE = { query: 'queries', key: 'keys', dim: 'dimensions', none: 'outputs' } as const;
const CORNER = { query: 'query', key: 'key', dim: 'dimension', none: 'input' } as const;

/** The focus a cell of `panel` gives: the cell plus the query and key tokens it refers to. */
export function focusOf(panel: Panel, cell: CellRef): Focus {
  return {
    panel: panel.id,
    ...cell,
    head: panel.head,
    ...focusTokens(panel, cell.row, cell.col),
  };
}

/** One panel: its name, the heatmap (SVG or canvas), and the table of the values. */
export function PanelFigure({ panel }: { panel: Panel }) {
  const focus = useLab((s) => s.hover ?? s.lock);
  const showTable = useLab((s) => s.showTables);
  const actions = useActions();
  const highlight = useMemo(() => highlightFor(panel, focus), [panel, focus]);
  const rowTitle =
    panel.rows.length === 1 && panel.rowRole === 'query' ? 'query' : ROW_TITLE[panel.rowRole];
  const colTitle = COL_TITLE[panel.colRole];
  const corner = `${panel.rowRole === 'query' ? 'query' : panel.rowRole === 'key' ? 'key' : 'input'} \\ ${panel.colRole === 'none' ? 'output' : CORNER[panel.colRole]}`;
  const Picture = panel.values.length > CANVAS_CELLS ? HeatmapCanvas : Heatmap;
  // The picture and its table show the same cells under the same name.
  const { values, rows, cols, label, status } = panel;
  const matrix = { values, rows, cols, label, status };
  return (
    <figure className="panel" data-panel={panel.label} data-panel-id={panel.id}>
      <figcaption>
        <span className="panel-name">{panel.label}</span> <code>{panel.code}</code>
        <ExportMenu matrix={panel} />
      </figcaption>
      <Picture
        {...matrix}
        kind={panel.kind}
        rowTitle={rowTitle}
        colTitle={colTitle}
        highlight={highlight}
        onHover={(cell) => actions.hover(cell ? focusOf(panel, cell) : null)}
        onSelect={(cell) => actions.toggleLock(focusOf(panel, cell))}
      />
      <HeatmapTable {...matrix} corner={corner} visible={showTable} />
    </figure>
  );
}
