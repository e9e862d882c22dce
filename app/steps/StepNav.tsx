import type { MouseEvent } from 'react';
import { neighbour, stepDef } from '../../src/chapter/steps/index.ts';
import { STEP_IDS, type StepId } from '../../src/chapter/view.ts';
import { hashForStep } from '../route/url.ts';
import { useActions, useLab } from '../store/index.ts';

/**
 * The chapter's nine steps as links; the current one is marked for screen readers too. A plain
 * click opens the step keeping the learner's tokens and embeddings (the store's goTo); the href
 * is the step's book example, which is what a new tab or a copied step link opens.
 */
export function StepNav() {
  const step = useLab((s) => s.view.step);
  const { goTo } = useActions();
  const open = (id: StepId) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    goTo(id);
  };
  return (
    <nav className="step-nav" aria-label="Steps">
      <ol>
        {STEP_IDS.map((id) => (
          <li key={id}>
            <a
              href={hashForStep(id)}
              aria-current={id === step ? 'step' : undefined}
              onClick={open(id)}
            >
              <span className="num">{id}</span> <span className="short">{stepDef(id).short}</span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Previous / next buttons at the end of a step (← and → do the same from the keyboard). */
export function StepPager() {
  const step = useLab((s) => s.view.step);
  const { goTo } = useActions();
  const prev = neighbour(step, -1);
  const next = neighbour(step, 1);
  return (
    <div className="pager">
      {prev ? (
        <button type="button" onClick={() => goTo(prev)}>
          ← {prev} {stepDef(prev).short}
        </button>
      ) : (
        <span />
      )}
      {next && (
        <button type="button" onClick={() => goTo(next)}>
          {next} {stepDef(next).short} →
        </button>
      )}
    </div>
  );
}
