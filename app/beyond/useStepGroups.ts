import { useMemo } from 'react';
import type { PanelGroup } from '../../src/chapter/panels/index.ts';
import { panelsFor } from '../../src/chapter/steps/index.ts';
import type { Trace } from '../../src/engine/trace.ts';
import { useLab } from '../store/index.ts';

/** The panel groups and traces on screen for this step (the last good ones while computing). */
export function useStepGroups(): { groups: PanelGroup[]; traces: Trace[] } | null {
  const view = useLab((s) => s.view);
  const shown = useLab((s) => s.shown);
  const current = shown && shown.view.step === view.step ? shown : null;
  return useMemo(
    () =>
      current ? { groups: panelsFor(current.view, current.traces), traces: current.traces } : null,
    [current],
  );
}
