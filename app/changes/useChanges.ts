import { useMemo } from 'react';
import { changesBetween, headline, type PanelChange } from '../../src/chapter/changes.ts';
import { type PanelGroup, panelsFor } from '../../src/chapter/panels/index.ts';
import { useLab } from '../store/index.ts';

export interface Changes {
  /** By panel id; a panel missing here is drawn as it is (no "before", or its shape changed). */
  byPanel: ReadonlyMap<string, PanelChange>;
  headline: ReturnType<typeof headline>;
}

/**
 * What the last edit changed, when the learner asked to see it: src/chapter/changes.ts compares
 * the panels on screen with the same step's panels from before the edit (kept by the store).
 */
export function useChanges(groups: PanelGroup[] | null): Changes | null {
  const show = useLab((s) => s.showChanges);
  const before = useLab((s) => s.before);
  const step = useLab((s) => s.view.step);
  const beforeGroups = useMemo(
    () =>
      show && before && before.view.step === step ? panelsFor(before.view, before.traces) : null,
    [show, before, step],
  );
  return useMemo(() => {
    if (!show || !groups) return null;
    const byPanel = beforeGroups ? changesBetween(beforeGroups, groups) : new Map();
    return { byPanel, headline: headline(groups, byPanel) };
  }, [show, groups, beforeGroups]);
}
