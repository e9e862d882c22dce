import './changes.css';
import type { PanelChange } from '../../src/chapter/changes.ts';
import type { Panel } from '../../src/chapter/panels/index.ts';
import { Heatmap } from '../heatmap/Heatmap.tsx';
import { HeatmapTable } from '../heatmap/HeatmapTable.tsx';
import { highlightFor } from '../heatmap/highlight.ts';
import { focusOf } from '../heatmap/PanelFigure.tsx';
import { useActions, useLab } from '../store/index.ts';

/**
 * A panel drawn as its change since the edit: a diverging heatmap of after − before (red up,
 * blue down), its largest change in words, and the differences as a table. Hover and lock work
 * as on the panel itself, so the formula bar still explains the cell.
 */
export function ChangeFigure({ panel, change }: { panel: Panel; change: PanelChange }) {
  const focus = useLab((s) => s.hover ?? s.lock);
  const showTable = useLab((s) => s.showTables);
  const actions = useActions();
  const label = `change in ${panel.label}`;
  return (
    <figure className="panel change" data-panel={panel.label} data-panel-id={panel.id}>
      <figcaption>
        <span className="panel-name">{panel.label}</span> <code>{panel.code}</code>
        <span className="change-words">
          {change.largest ? 'largest change: ' : ''}
          {change.words}
        </span>
      </figcaption>
      <Heatmap
        values={change.delta}
        rows={panel.rows}
        cols={panel.cols}
        label={label}
        kind="scores"
        status={panel.status}
        highlight={highlightFor(panel, focus)}
        onHover={(cell) => actions.hover(cell ? focusOf(panel, cell) : null)}
        onSelect={(cell) => actions.toggleLock(focusOf(panel, cell))}
      />
      <HeatmapTable
        values={change.delta}
        rows={panel.rows}
        cols={panel.cols}
        label={label}
        status={panel.status}
        visible={showTable}
      />
    </figure>
  );
}
