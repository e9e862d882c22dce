import './formula.css';
import type { PanelGroup } from '../../src/chapter/panels/index.ts';
import type { FeaturedCell } from '../../src/chapter/steps/index.ts';
import { useActions, useLab } from '../store/index.ts';
import { layoutTex } from './layout.ts';
import { pickFormula } from './pick.ts';
import { Tex } from './Tex.tsx';

const HINT = {
  hover: 'hovered',
  lock: 'locked: click the cell again to release',
  featured: 'hover any cell to see its formula, click to lock it',
} as const;

/**
 * The formula behind one cell, with the live numbers substituted, pinned to the bottom of the
 * window so it stays beside the heatmaps while the learner explores them.
 */
export function FormulaPanel({
  groups,
  featured,
}: {
  groups: PanelGroup[] | null;
  featured: FeaturedCell;
}) {
  const hover = useLab((s) => s.hover);
  const lock = useLab((s) => s.lock);
  const { toggleLock } = useActions();
  const explained = groups ? pickFormula(groups, hover, lock, featured) : null;
  return (
    <aside className="formula" aria-label="formula">
      {explained ? (
        <>
          <p className="formula-head">
            <span className="panel-name">{explained.panel.label}</span>{' '}
            <span className="where">
              row {explained.panel.rows[explained.row]}, column{' '}
              {explained.panel.cols[explained.col]}
            </span>{' '}
            <span className="hint">({HINT[explained.source]})</span>
            {lock && explained.source !== 'hover' && (
              <button
                type="button"
                className="unlock"
                onClick={() => toggleLock(lock)}
                // Once released, focus returns to the heatmap the lock was made in.
                data-focus-next={`[data-panel-id=${JSON.stringify(lock.panel)}] [tabindex="0"]`}
              >
                Unlock
              </button>
            )}
          </p>
          <div className="formula-body" aria-hidden="true">
            <Tex tex={layoutTex(explained.formula.tex)} display />
          </div>
          <p className="sr-only" aria-live="polite" data-testid="formula-text">
            {explained.formula.text}
          </p>
        </>
      ) : (
        <p className="hint">Computing…</p>
      )}
    </aside>
  );
}
