import { describe, expect, it } from 'vitest';
import { setCell } from '../../app/store/edits.ts';
import { createLabStore } from '../../app/store/index.ts';
import { configsFor } from '../../src/chapter/steps/index.ts';
import { defaultView } from '../../src/chapter/view.ts';
import { runAttention } from '../../src/engine/run.ts';
import { fakeEngine, readyStore } from './fake-engine.ts';

describe('the lab store', () => {
  it('computes the first view at once and shows its traces when they arrive', () => {
    const engine = fakeEngine();
    const store = createLabStore(defaultView('3.4.2'), engine.factory);
    expect(engine.calls).toHaveLength(1);
    expect(engine.calls[0].configs).toEqual(configsFor(defaultView('3.4.2')));
    expect(store.getState().computing).toBe(true);
    engine.answer();
    const { shown, status, computing } = store.getState();
    expect(computing).toBe(false);
    expect(shown?.traces.map((t) => t.config.variant)).toEqual(['v2', 'v1']);
    expect(status).toMatchObject({ backend: 'reference', ms: 1.5 });
  });

  it('keeps the last good traces on screen while an edit computes, then swaps', () => {
    const { store, engine } = readyStore();
    const before = store.getState().shown;
    store.getState().actions.edit((v) => setCell(v, 1, 0, 0.9));
    expect(engine.calls).toHaveLength(2);
    expect(store.getState().shown).toBe(before);
    engine.answer();
    expect(store.getState().shown?.traces[0].config.embeddings[1][0]).toBe(0.9);
    expect(store.getState().shown?.view.embeddings[1][0]).toBe(0.9);
  });

  it('keeps the traces and names the field when the engine refuses a config', () => {
    const { store, engine } = readyStore('3.6.2');
    const before = store.getState().shown;
    store.getState().actions.edit((v) => ({ ...v, num_heads: 3 }));
    engine.fail('num_heads', 'num_heads: d_out (2) must be divisible by num_heads (3)');
    const s = store.getState();
    expect(s.shown).toBe(before);
    expect(s.view.num_heads).toBe(3);
    expect(s.fault).toEqual({ field: 'num_heads', message: expect.stringContaining('divisible') });
    s.actions.edit((v) => ({ ...v, d_out: 6 }));
    engine.answer();
    expect(store.getState().fault).toBeNull();
  });

  it('does not recompute for changes the traces do not depend on', () => {
    const { store, engine } = readyStore('3.3.1');
    store.getState().actions.edit((v) => ({ ...v, locked: { head: 0, row: 3, col: 3 } }));
    store.getState().actions.edit((v) => ({ ...v, scatter_dims: [1, 2] }));
    expect(engine.calls).toHaveLength(1);
    // …but the view on screen follows, so the one-query step walks through token 4.
    expect(store.getState().shown?.view.locked?.row).toBe(3);
  });

  it('opens a step with the book’s seed and settings, keeping the learner’s inputs', () => {
    const { store } = readyStore('3.3.2');
    store.getState().actions.edit((v) => setCell(v, 0, 0, 0.5));
    store.getState().actions.goTo('3.4.2');
    const { view } = store.getState();
    expect(view.seed).toBe(789);
    expect(view.embeddings[0][0]).toBe(0.5);
    store.getState().actions.goTo('3.6.1');
    expect(store.getState().view).toMatchObject({ seed: 123, num_heads: 2, causal: true });
  });

  it('recomputes when a better backend becomes available, and not otherwise', () => {
    const { store, engine } = readyStore();
    engine.status(['reference']);
    expect(engine.calls).toHaveLength(1);
    engine.status(['wasm', 'reference']);
    expect(engine.calls).toHaveLength(2);
    expect(engine.calls[1].backend).toBe('auto');
    engine.answer(1, 'wasm');
    engine.status(['wasm', 'reference']);
    expect(engine.calls).toHaveLength(2);
    store.getState().actions.setBackend('reference');
    expect(engine.calls[2].backend).toBe('reference');
  });

  it('a click locks a cell (and the view’s locked cell); a second click releases it', () => {
    const { store } = readyStore();
    const cell = { panel: 'attn_weights', row: 2, col: 0, head: 0, query: 2, key: 0 };
    const { actions } = store.getState();
    actions.toggleLock(cell);
    expect(store.getState().lock).toEqual(cell);
    expect(store.getState().view.locked).toEqual({ head: 0, row: 2, col: 0 });
    actions.toggleLock(cell);
    expect(store.getState().lock).toBeNull();
    expect(store.getState().view.locked).toBeNull();
  });

  it('drops the locked cell when the token it points at is removed', () => {
    const { store } = readyStore();
    const { actions } = store.getState();
    actions.toggleLock({ panel: 'attn_weights', row: 5, col: 5, head: 0, query: 5, key: 5 });
    actions.edit((v) => ({
      ...v,
      tokens: v.tokens.slice(0, 5),
      embeddings: v.embeddings.slice(0, 5),
    }));
    expect(store.getState().view.locked).toBeNull();
  });

  it('passes the page’s hold on to the engine, and computes as before while held', () => {
    const { store, engine } = readyStore();
    const { actions } = store.getState();
    actions.holdEngine(true);
    actions.edit((v) => setCell(v, 1, 0, 0.7));
    expect(store.getState().computing).toBe(true);
    engine.answer();
    expect(store.getState().computing).toBe(false);
    actions.holdEngine(false);
    expect(engine.holds).toEqual([true, false]);
  });

  it('keeps the build’s traces on screen when the engine’s first answer equals them bit for bit', () => {
    const view = defaultView('3.3.1');
    const built = configsFor(view).map((c) => runAttention(c));
    const engine = fakeEngine();
    const store = createLabStore(view, engine.factory, built);
    const before = store.getState().shown;
    expect(before?.traces).toBe(built);
    engine.answer();
    expect(store.getState().shown).toBe(before);
    expect(store.getState().computing).toBe(false);
    expect(store.getState().status).toMatchObject({ backend: 'reference', ms: 1.5 });
    // Later answers are shown as they come, equal or not.
    store.getState().actions.edit((v) => setCell(v, 1, 0, 0.9));
    engine.answer();
    expect(store.getState().shown).not.toBe(before);
  });

  it('replaces the build’s traces when the engine’s first answer differs from them', () => {
    const view = defaultView('3.3.1');
    const built = configsFor(view).map((c) => runAttention(c));
    built[0].output.data[0] += 1e-6;
    const engine = fakeEngine();
    const store = createLabStore(view, engine.factory, built);
    const before = store.getState().shown;
    engine.answer();
    expect(store.getState().shown).not.toBe(before);
    expect(store.getState().shown?.traces[0].output.data[0]).not.toBe(built[0].output.data[0]);
  });
});
