import { useMemo } from 'react';
import type { PanelGroup } from '../../src/chapter/panels/index.ts';
import { slicesFromPanels } from '../../src/headview/index.ts';
import { tokenNames } from '../a11y/token-names.ts';
import { HeadView } from './HeadView.tsx';

/** A chapter step's attention weights as a head view, from the panels the step draws. */
export function StepHeadView({ groups }: { groups: readonly PanelGroup[] }) {
  const { tokens, slices } = useMemo(() => slicesFromPanels(groups), [groups]);
  const names = useMemo(() => tokenNames(tokens), [tokens]);
  if (slices.length === 0)
    return (
      <p className="head-view-note">
        This step draws no attention weights, so it has no head view.
      </p>
    );
  return (
    <HeadView
      label="head view"
      labels={tokens}
      names={names}
      slices={slices}
      win={{ start: 0, size: tokens.length }}
    />
  );
}
