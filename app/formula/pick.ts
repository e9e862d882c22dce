import type { Formula, Panel, PanelGroup } from '../../src/chapter/panels/index.ts';
import type { FeaturedCell } from '../../src/chapter/steps/index.ts';
import type { Focus } from '../store/index.ts';

export interface Explained {
  panel: Panel;
  row: number;
  col: number;
  formula: Formula;
  /** Why this cell: the learner is hovering it, locked it, or the step features it. */
  source: 'hover' | 'lock' | 'featured';
}

/** The cell the formula panel explains: hover wins over the lock, the lock over the default. */
export function pickFormula(
  groups: PanelGroup[],
  hover: Focus | null,
  lock: Focus | null,
  featured: FeaturedCell,
): Explained | null {
  const panels = groups.flatMap((g) => g.panels);
  const choices: [Focus | FeaturedCell | null, Explained['source']][] = [
    [hover, 'hover'],
    [lock, 'lock'],
    [featured, 'featured'],
  ];
  for (const [cell, source] of choices) {
    if (!cell) continue;
    const panel = panels.find((p) => p.id === cell.panel);
    if (!panel?.formula) continue;
    const row = Math.min(cell.row, panel.rows.length - 1);
    const col = Math.min(cell.col, panel.cols.length - 1);
    return { panel, row, col, formula: panel.formula(row, col), source };
  }
  return null;
}
