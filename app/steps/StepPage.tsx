import './steps.css';
import { Suspense, useEffect, useMemo, useRef } from 'react';
import { panelsFor } from '../../src/chapter/panels/index.ts';
import { stepDef } from '../../src/chapter/steps/index.ts';
import { useChanges } from '../changes/useChanges.ts';
import { CodePanel } from '../code/CodePanel.tsx';
import { FIELD_HOMES } from '../controls/Controls.tsx';
import { FormulaPanel } from '../formula/FormulaPanel.tsx';
import { StepHeadView } from '../headview/StepHeadView.tsx';
import { useLab } from '../store/index.ts';
import { markFirstPaint, markPainted } from '../store/paint.ts';
import { customBody, showsEditColumn, showsEditor } from './bodies.ts';
import { EditColumn } from './EditColumn.tsx';
import { PanelGroups } from './PanelGroups.tsx';
import { Prose } from './Prose.tsx';
import { StepPager } from './StepNav.tsx';
import { ViewToggles } from './ViewToggles.tsx';

/** An engine error whose field has no control on this step. */
function Fault() {
  const fault = useLab((s) => s.fault);
  if (!fault || (fault.field && FIELD_HOMES.has(fault.field))) return null;
  return (
    <p className="field-error banner" role="alert">
      The engine refused these settings: {fault.message}. Showing the last result.
    </p>
  );
}

/** A new step starts at its title: after "next" at the bottom, the learner would land mid-page. */
function useScrollToStep(step: string) {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes, by design
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const title = document.getElementById('step-title');
    if (title && title.getBoundingClientRect().top < 0) title.scrollIntoView?.({ block: 'start' });
  }, [step]);
}

/**
 * One step of the chapter. Editing and watching share the screen: the settings and inputs in a
 * column that stays put (a drawer on narrow screens) beside the tensors they change; the book's
 * words and code follow the pictures, and the formula bar sits at the bottom.
 */
export function StepPage() {
  const view = useLab((s) => s.view);
  const shown = useLab((s) => s.shown);
  const def = stepDef(view.step);
  // The last good traces, if they belong to this step; they stay while a new result computes.
  const current = shown && shown.view.step === view.step ? shown : null;
  const groups = useMemo(
    () => (current ? panelsFor(current.view, current.traces) : null),
    [current],
  );
  useEffect(() => {
    if (!groups) return;
    markFirstPaint();
    markPainted();
  }, [groups]);
  useScrollToStep(view.step);
  const Body = customBody(def);
  const changes = useChanges(groups);
  const headView = useLab((s) => s.view.head_view);
  const editColumn = showsEditColumn(def, view);

  return (
    <article className="step" aria-labelledby="step-title">
      <header className="step-head">
        <h2 id="step-title" tabIndex={-1}>
          <span className="section-number">§ {def.id}</span> {def.title}
        </h2>
        <ViewToggles />
      </header>
      <div className={editColumn ? 'workbench' : 'workbench no-inputs'}>
        {editColumn && <EditColumn def={def} editor={showsEditor(def)} />}
        <div className="watch-column">
          <Fault />
          {Body ? (
            <Suspense fallback={<p className="computing">Loading…</p>}>
              <Body def={def} />
            </Suspense>
          ) : groups ? (
            <>
              {headView && <StepHeadView groups={groups} />}
              <PanelGroups groups={groups} changes={changes} />
            </>
          ) : (
            <p className="computing">Computing…</p>
          )}
          <section className="read" aria-labelledby="read-title">
            <h3 id="read-title">From the book</h3>
            <div className="prose">
              {def.prose.map((p) => (
                <Prose key={p} text={p} />
              ))}
            </div>
            <CodePanel code={def.code(view)} />
          </section>
          <StepPager />
        </div>
      </div>
      {!Body && <FormulaPanel groups={groups} featured={def.featured(current?.view ?? view)} />}
    </article>
  );
}
