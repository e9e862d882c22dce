/** Panels §3.6's two multi-head steps share: one group per head, and the two batch outputs. */
import type { Trace } from '../../engine/trace.ts';
import { contextPanel, droppedPanel, outputPanel, type Where, weightsPanel } from './make.ts';
import type { Panel, PanelGroup } from './types.ts';

export function headsOf(trace: Trace): number[] {
  return Array.from({ length: trace.attn_weights.shape[1] }, (_, h) => h);
}

/** One group per head: its weights (after dropout when on) and its context vectors. */
export function headGroups(trace: Trace): PanelGroup[] {
  return headsOf(trace).map((h) => {
    const w: Where = { trace, h, suffix: `head ${h + 1}` };
    const weights = trace.dropout_mask ? [weightsPanel(w), droppedPanel(w)] : [weightsPanel(w)];
    return { title: `Head ${h + 1}`, panels: [...weights, contextPanel(w)] };
  });
}

/** The module's output for both batch items: `output.b1`, `output.b2`. */
export function outputs(trace: Trace): Panel[] {
  return [0, 1].map((b) => outputPanel(trace, b, `output, batch ${b + 1}`));
}
