export { panelsFor } from '../steps/index.ts';
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
