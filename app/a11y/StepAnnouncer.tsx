import { useEffect, useRef, useState } from 'react';
import { stepDef } from '../../src/chapter/steps/index.ts';
import { STEP_IDS } from '../../src/chapter/view.ts';
import { STEP_HEADING } from '../history/useFocusRescue.ts';
import { useLab } from '../store/index.ts';

/**
 * A step change is said aloud (a polite live region) and focus moves to the new step's heading,
 * so a keyboard user is not left on a pager button that has scrolled away. The first step the
 * page opens on is not announced: nothing changed yet.
 */
export function StepAnnouncer() {
  const step = useLab((s) => s.view.step);
  const [message, setMessage] = useState('');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const def = stepDef(step);
    setMessage(`Step ${def.id}, ${STEP_IDS.indexOf(step) + 1} of ${STEP_IDS.length}: ${def.title}`);
    const heading = document.querySelector<HTMLElement>(STEP_HEADING);
    heading?.focus({ preventScroll: heading.getBoundingClientRect().top >= 0 });
  }, [step]);
  return (
    <p className="sr-only" role="status" aria-live="polite" data-testid="step-announcement">
      {message}
    </p>
  );
}
