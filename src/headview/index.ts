/** The head view (BertViz's picture of attention): what it draws, computed without a DOM. */
export { describeFocus, strongest } from './describe.ts';
export { slicesFromPanels } from './from-panels.ts';
export {
  type HeadLine,
  type HeadViewFocus,
  type HeadViewLayout,
  headLines,
  rowCentre,
} from './geometry.ts';
export { type HeadSlice, sliceOf, weightAt } from './slice.ts';
export { type TokenWindow, windowAround } from './window.ts';
