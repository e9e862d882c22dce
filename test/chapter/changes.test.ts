import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changesBetween, headline, panelChange, signed } from '../../src/chapter/changes.ts';
import { panelsFor } from '../../src/chapter/panels/index.ts';
import { configsFor } from '../../src/chapter/steps/index.ts';
import { defaultView, type StepId, type ViewState } from '../../src/chapter/view.ts';
import { runAttention } from '../../src/engine/run.ts';

const groups = (view: ViewState) =>
  panelsFor(
    view,
    configsFor(view).map((c) => runAttention(c)),
  );

function edited(step: StepId, row: number, dim: number, value: number): ViewState {
  const view = defaultView(step);
  const embeddings = view.embeddings.map((r, i) =>
    i === row ? r.map((x, d) => (d === dim ? value : x)) : r,
  );
  return { ...view, embeddings };
}

describe('what an edit changed', () => {
  it('§3.3.2: journey dimension 1 from 0.55 to 0.9 moves journey’s weights most', () => {
    const before = groups(defaultView('3.3.2'));
    const after = groups(edited('3.3.2', 1, 0, 0.9));
    const changes = changesBetween(before, after);
    const weights = changes.get('attn_weights');
    if (!weights?.largest) throw new Error('the weights did not change');
    const panel = (gs: typeof before) =>
      gs
        .flatMap((g) => g.panels)
        .find((p) => p.id === 'attn_weights') as (typeof gs)[0]['panels'][0];
    const w0 = panel(before).values;
    const w1 = panel(after).values;
    // The delta is the difference, cell by cell, and the largest is the largest |difference|.
    for (let i = 0; i < w1.length; i++) expect(weights.delta[i]).toBeCloseTo(w1[i] - w0[i], 6);
    const biggest = Math.max(...Array.from(w1, (x, i) => Math.abs(x - w0[i])));
    expect(Math.abs(weights.largest.delta)).toBeCloseTo(biggest, 6);
    // PyTorch: softmax(y @ y.T) − softmax(x @ x.T) is largest at [1, 1]: +0.07144773.
    expect(weights.largest.delta).toBeCloseTo(0.07144773, 6);
    expect(weights.words).toBe("journey's weight on journey +0.0714");
    expect(headline(after, changes)?.change).toBe(weights);
    // PyTorch: (y @ y.T − x @ x.T)[1, 1] = +0.5075.
    expect(changes.get('attn_scores')?.words).toBe("journey's score for journey +0.5075");
  });

  it('masked cells (−∞ before and after) are no change; identical panels say so', () => {
    const before = groups(defaultView('3.5.1'));
    const after = groups(edited('3.5.1', 0, 0, 0.1));
    const masked = changesBetween(before, after).get('masked_scores');
    expect(masked?.delta[1]).toBe(0); // row 1, column 2 is −∞ in both
    const same = changesBetween(before, before);
    expect([...same.values()].every((c) => c.largest === null && c.words === 'no change')).toBe(
      true,
    );
    expect(headline(before, same)).toBeNull();
  });

  it('panels whose shape changed are left out (a token added)', () => {
    const view = defaultView('3.3.2');
    const more = {
      ...view,
      tokens: [...view.tokens, 'again'],
      embeddings: [...view.embeddings, [0.1, 0.2, 0.3]],
    };
    expect(changesBetween(groups(view), groups(more)).size).toBe(0);
  });

  it('signs: + and − with 4 decimals', () => {
    expect(signed(0.07104)).toBe('+0.0710');
    expect(signed(-0.5)).toBe('−0.5000');
    expect(signed(0.00001)).toBe('±0.0000');
  });

  it('the largest change is never smaller than any cell’s change (property)', () => {
    const panel = groups(defaultView('3.3.2'))[1].panels[0];
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 36, maxLength: 36 }),
        (noise) => {
          const moved = { ...panel, values: panel.values.map((v, i) => v + noise[i]) };
          const change = panelChange(panel, moved);
          const top = Math.abs(change?.largest?.delta ?? 0);
          // The deltas are stored as float32, so compare with the float32 rounding of the largest.
          for (const d of change?.delta ?? [])
            expect(Math.abs(d)).toBeLessThanOrEqual(Math.fround(top));
        },
      ),
    );
  });
});
