// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FormulaPanel } from '../../app/formula/FormulaPanel.tsx';
import { loadTypeset } from '../../app/formula/katex-loader.ts';
import { layoutTex, topLevelParts } from '../../app/formula/layout.ts';
import { pickFormula } from '../../app/formula/pick.ts';
import { LabContext, type LabStore } from '../../app/store/index.ts';
import { panelsFor } from '../../src/chapter/panels/index.ts';
import { stepDef } from '../../src/chapter/steps/index.ts';
import { readyStore } from './fake-engine.ts';

afterEach(cleanup);
// KaTeX loads on demand in the page (after its first paint); here it is loaded up front.
beforeAll(async () => {
  await loadTypeset();
});

function groupsOf(store: LabStore) {
  const shown = store.getState().shown;
  if (!shown) throw new Error('no traces yet');
  return panelsFor(shown.view, shown.traces);
}

function panel(step: Parameters<typeof readyStore>[0] = '3.3.2') {
  const { store } = readyStore(step);
  const view = store.getState().view;
  const ui = (
    <LabContext.Provider value={store}>
      <FormulaPanel groups={groupsOf(store)} featured={stepDef(view.step).featured(view)} />
    </LabContext.Provider>
  );
  render(ui);
  return store;
}

const text = () => screen.getByTestId('formula-text').textContent;
const cell = (
  panelId: string,
  row: number,
  col: number,
  query: number | null,
  key: number | null,
) => ({
  panel: panelId,
  row,
  col,
  head: 0,
  query,
  key,
});

describe('FormulaPanel', () => {
  it('explains the step’s featured cell until something is hovered, typeset by KaTeX', () => {
    panel();
    const region = screen.getByRole('complementary', { name: 'formula' });
    expect(text()).toBe('α22 = exp(ω22) / Σ exp(…) = 4.4593 / 18.7453 = 0.2379');
    expect(region.querySelector('.katex')).toBeTruthy();
    expect(region.querySelector('.katex-error')).toBeNull();
    expect(within(region).getByText(/hover any cell/)).toBeTruthy();
  });

  it('substitutes the live numbers of the hovered cell', () => {
    const store = panel();
    act(() => store.getState().actions.hover(cell('attn_scores', 1, 2, 1, 2)));
    expect(text()).toBe(
      'ω23 = x(2) · x(3) = 0.5500 × 0.5700 + 0.8700 × 0.8500 + 0.6600 × 0.6400 = 1.4754',
    );
    const typeset = screen
      .getByRole('complementary', { name: 'formula' })
      .querySelector('.katex-html');
    expect(typeset?.textContent).toContain('1.4754');
  });

  it('keeps a locked cell; hover wins over it; Unlock releases it', () => {
    const store = panel();
    act(() => store.getState().actions.toggleLock(cell('attn_weights', 2, 0, 2, 0)));
    expect(text()).toContain('α31');
    act(() => store.getState().actions.hover(cell('context', 0, 1, 0, null)));
    expect(text()).toMatch(/^z\(1\) dimension 2 = Σj α1j x\(j\) = .* = 0\.5931$/);
    act(() => store.getState().actions.hover(null));
    expect(text()).toContain('α31');
    act(() => screen.getByRole('button', { name: 'Unlock' }).click());
    expect(text()).toContain('α22');
  });

  it('explains masked cells and dropout (3.5.2)', () => {
    const store = panel('3.5.2');
    act(() => store.getState().actions.hover(cell('attn_weights', 0, 3, 0, 3)));
    expect(text()).toBe('α14 = exp(-inf) / … = 0, masked');
    act(() => store.getState().actions.hover(cell('dropout_mask', 0, 1, 0, 1)));
    expect(text()).toBe('m12 = 0: dropped (probability p = 0.5)');
    act(() => store.getState().actions.hover(cell('attn_weights_dropped', 1, 0, 1, 0)));
    expect(text()).toBe('α̃21 = α21 × m21 = 0.4833 × 2.0000 = 0.9665');
  });

  it('shows out_proj at work in 3.6.2', () => {
    const store = panel('3.6.2');
    act(() => store.getState().actions.hover(cell('output.b1', 0, 0, 0, null)));
    expect(text()).toBe(
      'out(1) dimension 1 = z(1) · out_proj column 1 + bias = -0.4519 × -0.1668 + 0.2216 × 0.2270 + 0.1934 = 0.3190',
    );
  });
});

describe('pickFormula', () => {
  it('clamps a featured cell to the panel and skips panels it cannot find', () => {
    const { store } = readyStore('3.6.1');
    const groups = groupsOf(store);
    const picked = pickFormula(groups, null, null, { panel: 'output.b1', row: 99, col: 99 });
    expect([picked?.row, picked?.col]).toEqual([5, 3]);
    const missing = pickFormula(groups, cell('nope', 0, 0, 0, 0), null, {
      panel: 'output.b1',
      row: 0,
      col: 2,
    });
    expect(missing?.source).toBe('featured');
    expect(missing?.formula.text).toBe('out(1) dimension 3 = z(1) dimension 1 of head 2 = 0.4772');
  });
});

describe('layoutTex', () => {
  it('keeps short formulas on one line and breaks long ones at top-level = signs', () => {
    expect(layoutTex('a = b = c')).toBe('a = b = c');
    const long = `z = ${'x'.repeat(60)} = \\frac{a = b}{c} = ${'y'.repeat(60)} = 1`;
    const out = layoutTex(long);
    expect(out.startsWith('\\begin{aligned} z &= ')).toBe(true);
    expect(out).toContain('\\\\ &= ');
    expect(out).toContain('\\frac{a = b}{c}'); // not split inside braces
    expect(topLevelParts(long)).toHaveLength(5);
  });
});
