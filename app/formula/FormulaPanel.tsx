import './formula.css';
import { useState } from 'react';
import type { PanelGroup } from '../../src/chapter/panels/index.ts';
import type { FeaturedCell } from '../../src/chapter/steps/index.ts';
import { useActions, useLab } from '../store/index.ts';
import { layoutTex } from './layout.ts';
import { pickFormula } from './pick.ts';
import { Tex } from './Tex.tsx';
import { useReservedSpace } from './useReservedSpace.ts';

const HINT = {
  hover: 'hovered',
  lock: 'locked: click the cell again to release',
  featured: 'hover any cell to see its formula, click to lock it',
} as const;

/**
 * The formula behind one cell, with the live numbers substituted, pinned to the bottom of the
 * window so it stays beside the heatmaps while the learner explores them. One line until a cell
 * is hovered or locked; the learner can close it. Its height is reserved at the bottom of the
 * page (scroll-padding), so it never hides what has focus.
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
  const [closed, setClosed] = useState(false);
  const ref = useReservedSpace<HTMLElement>();
  const explained = groups ? pickFormula(groups, hover, lock, featured) : null;
  if (closed) {
    return (
      <aside className="formula closed" aria-label="formula" ref={ref}>
        <button type="button" className="formula-open" onClick={() => setClosed(false)}>
          Show the formula bar
        </button>
      </aside>
    );
  }
  const open = explained !== null && explained.source !== 'featured';
  return (
    <aside className={open ? 'formula open' : 'formula'} aria-label="formula" ref={ref}>
      {explained ? (
        <>
          <div className="formula-head">
            <span className="panel-name">{explained.panel.label}</span>{' '}
            <span className="where">
              row {explained.panel.rows[explained.row]}, column{' '}
              {explained.panel.cols[explained.col]}
            </span>{' '}
            <span className="hint">({HINT[explained.source]})</span>
            {!open && (
              <span className="formula-line" aria-hidden="true">
                <Tex tex={explained.formula.tex} fallback={explained.formula.text} />
              </span>
            )}
            <span className="formula-tools">
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
              <button
                type="button"
                className="formula-close"
                aria-label="Close the formula bar"
                title="Close the formula bar"
                onClick={() => setClosed(true)}
              >
                ×
              </button>
            </span>
          </div>
          {open && (
            <div className="formula-body" aria-hidden="true">
              <Tex
                tex={layoutTex(explained.formula.tex)}
                fallback={explained.formula.text}
                display
              />
            </div>
          )}
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
