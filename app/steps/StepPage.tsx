import './steps.css';
import { useEffect, useMemo, useRef } from 'react';
import { panelsFor } from '../../src/chapter/panels/index.ts';
import { stepDef } from '../../src/chapter/steps/index.ts';
import { CodePanel } from '../code/CodePanel.tsx';
import { Controls, FIELD_HOMES } from '../controls/Controls.tsx';
import { EmbeddingEditor } from '../editor/EmbeddingEditor.tsx';
import { FormulaPanel } from '../formula/FormulaPanel.tsx';
import { useLab } from '../store/index.ts';
import { markPainted } from '../store/paint.ts';
import { customBody } from './bodies.ts';
import { PanelGroups } from './PanelGroups.tsx';
import { Prose } from './Prose.tsx';
import { StepPager } from './StepNav.tsx';

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

/** One step of the chapter: its words, code, settings, inputs, tensors and formula. */
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
    if (groups) markPainted();
  }, [groups]);
  useScrollToStep(view.step);
  const Body = customBody(def);

  return (
    <article className="step" aria-labelledby="step-title">
      <header className="step-head">
        <p className="section-number">§ {def.id}</p>
        <h2 id="step-title">{def.title}</h2>
      </header>
      <div className="intro">
        <div className="prose">
          {def.prose.map((p) => (
            <Prose key={p} text={p} />
          ))}
        </div>
        <CodePanel code={def.code(view)} />
      </div>
      <Controls def={def} />
      <EmbeddingEditor />
      <Fault />
      {Body ? (
        <Body def={def} />
      ) : groups ? (
        <PanelGroups groups={groups} />
      ) : (
        <p className="computing">Computing…</p>
      )}
      <StepPager />
      <FormulaPanel groups={groups} featured={def.featured(current?.view ?? view)} />
    </article>
  );
}
