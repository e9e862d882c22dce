import { describe, expect, it } from 'vitest';
import { panelsFor } from '../../src/chapter/panels/index.ts';
import { configsFor } from '../../src/chapter/steps/index.ts';
import { defaultView, type StepId } from '../../src/chapter/view.ts';
import { runAttention } from '../../src/engine/run.ts';
import { slicesFromPanels } from '../../src/headview/index.ts';

/** The head view of a chapter step reads the same weights the step's heatmaps draw. */
function step(id: StepId) {
  const view = defaultView(id);
  const traces = configsFor(view).map((c) => runAttention(c));
  return { traces, ...slicesFromPanels(panelsFor(view, traces)) };
}

describe('slicesFromPanels', () => {
  it('§3.6.2: one slice per head, equal to the trace’s attn_weights of batch item 1', () => {
    const { traces, tokens, slices } = step('3.6.2');
    const [, h, t] = traces[0].attn_weights.shape;
    expect(tokens).toEqual(['Your', 'journey', 'starts', 'with', 'one', 'step']);
    expect(slices.map((s) => s.head)).toEqual([0, 1]);
    expect(h).toBe(2);
    for (const s of slices) {
      expect([s.rows, s.cols, s.rowStart]).toEqual([t, t, 0]);
      const block = traces[0].attn_weights.data.subarray(s.head * t * t, (s.head + 1) * t * t);
      expect([...s.values]).toEqual([...block]);
    }
  });

  it('§3.3.1: the one query (journey) is the slice’s only row', () => {
    const { slices } = step('3.3.1');
    expect(slices).toHaveLength(1);
    expect([slices[0].rows, slices[0].cols, slices[0].rowStart]).toEqual([1, 6, 1]);
    expect(slices[0].values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
});
