import type { Trace } from '../../engine/trace.ts';
import type { StepId, ViewState } from '../view.ts';
import { panels331, panels332 } from './steps-3-3.ts';
import { panels341, panels342 } from './steps-3-4.ts';
import { panels351, panels352, panels353 } from './steps-3-5.ts';
import { panels361, panels362 } from './steps-3-6.ts';
import type { PanelGroup } from './types.ts';

export type {
  AxisRole,
  Check,
  FocusTokens,
  Formula,
  Panel,
  PanelGroup,
  PanelKind,
} from './types.ts';
export { CELL, focusTokens } from './types.ts';

const BUILDERS: Record<StepId, (view: ViewState, traces: Trace[]) => PanelGroup[]> = {
  '3.3.1': panels331,
  '3.3.2': panels332,
  '3.4.1': panels341,
  '3.4.2': panels342,
  '3.5.1': panels351,
  '3.5.2': panels352,
  '3.5.3': panels353,
  '3.6.1': panels361,
  '3.6.2': panels362,
};

/**
 * What a step draws from its traces: groups of labelled panels. `view` must be the view the
 * traces were computed for (the page keeps the last good pair together).
 */
export function panelsFor(view: ViewState, traces: Trace[]): PanelGroup[] {
  return BUILDERS[view.step](view, traces);
}
