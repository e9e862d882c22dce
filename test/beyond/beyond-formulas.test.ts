/** The formulas of 4.1's shared K/V heads and 4.3's masks: the live numbers they show. */
import { describe, expect, it } from 'vitest';
import type { Panel } from '../../src/chapter/panels/types.ts';
import { configsFor, panelsFor } from '../../src/chapter/steps/index.ts';
import { defaultView, type StepId } from '../../src/chapter/view.ts';
import { runAttention } from '../../src/engine/index.ts';

function panelsOf(step: StepId): Map<string, Panel> {
  const view = defaultView(step);
  const traces = configsFor(view).map((c) => runAttention(c));
  return new Map(
    panelsFor(view, traces)
      .flatMap((g) => g.panels)
      .map((p) => [p.id, p]),
  );
}

const formula = (panel: Panel | undefined, i: number, j: number) => {
  if (!panel?.formula) throw new Error(`${panel?.id} has no formula`);
  return panel.formula(i, j).text;
};

describe('4.1: a shared key/value head’s formula', () => {
  const panels = panelsOf('4.1');
  const view = defaultView('4.1');
  const trace = runAttention(configsFor(view)[0]);

  it('reads its own columns of W_key (num_kv_groups heads wide) and ends on the cell’s value', () => {
    const keys = panels.get('keys.h2');
    // K/V head 2 of 2, head_dim 2: its dimension 1 is W_key's column 3.
    const text = formula(keys, 3, 0);
    expect(text).toMatch(/^K\/V head 2: k\(4\) dimension 1 = x\(4\) · W_key column 3 = /);
    const w = trace.params.W_key;
    const x = view.embeddings[3];
    const byHand = x.reduce((s, xi, r) => s + xi * w.data[r * w.shape[1] + 2], 0);
    expect(keys?.values[3 * 2]).toBeCloseTo(byHand, 6);
    expect(text.endsWith(`= ${keys?.values[3 * 2].toFixed(4)}`)).toBe(true);
    expect(formula(panels.get('values.h1'), 0, 1)).toMatch(
      /^K\/V head 1: v\(1\) dimension 2 = x\(1\) · W_value column 2 = /,
    );
  });
});

describe('4.3: the masks’ formulas', () => {
  const panels = panelsOf('4.3');
  // Sentence 2 is "Your journey starts" left-padded by three: attention_mask 0 0 0 1 1 1.
  it('the padding mask hides a pad key from every query', () => {
    expect(formula(panels.get('padding_mask.b2'), 4, 1)).toBe(
      'pad52 = (attention_mask[2] == 0) = (0 == 0) = 1: key 2 is a pad',
    );
    expect(formula(panels.get('padding_mask.b2'), 4, 3)).toBe(
      'pad54 = (attention_mask[4] == 0) = (1 == 0) = 0: key 4 is a token',
    );
  });

  it('the causal mask hides later keys; the combined mask is either', () => {
    expect(formula(panels.get('causal_mask.b2'), 1, 3)).toBe(
      'causal24 = (4 > 2) = 1: key 4 comes after query 2',
    );
    expect(formula(panels.get('combined_mask.b2'), 4, 1)).toBe(
      'mask52 = pad52 or causal52 = 1 or 0 = 1',
    );
    expect(formula(panels.get('combined_mask.b2'), 4, 4)).toBe(
      'mask55 = pad55 or causal55 = 0 or 0 = 0',
    );
    // Each formula's value is the cell's.
    const combined = panels.get('combined_mask.b2');
    expect(combined?.values[4 * 6 + 1]).toBe(1);
    expect(combined?.values[4 * 6 + 4]).toBe(0);
  });

  it('the leak: without the mask minus with it, for real tokens; a pad row is ignored', () => {
    const leak = panels.get('leak.b2');
    const text = formula(leak, 4, 0);
    expect(text).toMatch(/^leak\(5\) dimension 1 = out without mask − out with mask = /);
    expect(text.endsWith(`= ${leak?.values[4 * 2].toFixed(4)}`)).toBe(true);
    expect(formula(leak, 0, 0)).toContain('row 1 is a pad');
    expect(formula(panels.get('context.min.b2'), 4, 1)).toMatch(
      /^out\(5\) dimension 2 = z\(5\) · out_proj column 2/,
    );
  });
});
