import { describe, expect, it } from 'vitest';
import { renameToken, setCell } from '../../app/store/edits.ts';
import { createLabStore } from '../../app/store/index.ts';
import { defaultView } from '../../src/chapter/view.ts';
import { fakeEngine, readyStore } from './fake-engine.ts';

describe('undo and redo in the store', () => {
  it('undoes and redoes every edit, one per field gesture, and recomputes', () => {
    const { store, engine } = readyStore('3.3.2');
    const { actions } = store.getState();
    expect(store.getState().undo).toEqual({ canUndo: false, canRedo: false });
    actions.edit((v) => setCell(v, 1, 0, 0.9));
    actions.edit((v) => setCell(v, 1, 0, 0.95));
    actions.endGesture();
    actions.edit((v) => renameToken(v, 1, 'trip'));
    expect(store.getState().origin).toBe('edit');
    expect(store.getState().undo).toEqual({ canUndo: true, canRedo: false });

    actions.undo();
    expect(store.getState().view.tokens[1]).toBe('journey');
    expect(store.getState().origin).toBe('undo');
    actions.undo();
    expect(store.getState().view).toEqual(defaultView('3.3.2'));
    expect(store.getState().undo).toEqual({ canUndo: false, canRedo: true });
    engine.answer();
    expect(store.getState().shown?.view.embeddings[1][0]).toBe(0.55);

    actions.redo();
    actions.redo();
    expect(store.getState().view.embeddings[1][0]).toBe(0.95);
    expect(store.getState().view.tokens[1]).toBe('trip');
    expect(store.getState().undo).toEqual({ canUndo: true, canRedo: false });
  });

  it('moving between steps is not an edit; undo goes back to where the edit was made', () => {
    const { store } = readyStore('3.3.2');
    const { actions } = store.getState();
    actions.edit((v) => ({ ...v, scatter_dims: [1, 2] }));
    actions.goTo('3.4.1');
    expect(store.getState().origin).toBe('step');
    actions.undo();
    expect(store.getState().view).toEqual(defaultView('3.3.2'));
    expect(store.getState().undo.canUndo).toBe(false);
  });

  it('a view from a link is not an edit and replaces the highlight', () => {
    const { store } = readyStore('3.3.2');
    const { actions } = store.getState();
    actions.hover({ panel: 'attn_weights', row: 0, col: 0, head: 0, query: 0, key: 0 });
    actions.arrive({ ...defaultView('3.5.1'), seed: 5 });
    const s = store.getState();
    expect(s.origin).toBe('url');
    expect(s.view.step).toBe('3.5.1');
    expect(s.hover).toBeNull();
    expect(s.undo).toEqual({ canUndo: false, canRedo: false });
  });

  it('starting over is undoable and says so', () => {
    const { store } = readyStore('3.4.2');
    const { actions } = store.getState();
    actions.setBackend('reference');
    actions.edit((v) => ({ ...v, seed: 1 }));
    // Typed into the seed field, which still has focus: "Start over" must not merge into it.
    actions.startOver();
    const s = store.getState();
    expect(s.view).toEqual({ ...defaultView('3.4.2'), backend: 'reference' });
    expect(s.notice).toEqual({ kind: 'started-over', step: '3.4.2' });
    actions.undo();
    expect(store.getState().view.seed).toBe(1);
  });
});

describe('the locked cell of a view that arrives whole', () => {
  it('is outlined in the attention weights once their traces are on screen', () => {
    const { store, engine } = readyStore('3.3.2');
    store
      .getState()
      .actions.arrive({ ...defaultView('3.4.2'), locked: { head: 0, row: 2, col: 4 } });
    expect(store.getState().lock).toBeNull();
    engine.answer();
    expect(store.getState().lock).toEqual({
      panel: 'attn_weights',
      row: 2,
      col: 4,
      head: 0,
      query: 2,
      key: 4,
    });
  });

  it('follows undo of a lock, and picks the head’s own panel with several heads', () => {
    const { store, engine } = readyStore('3.6.2');
    const cell = { panel: 'attn_weights.h2', row: 3, col: 1, head: 1, query: 3, key: 1 };
    store.getState().actions.toggleLock(cell);
    store.getState().actions.toggleLock(cell);
    expect(store.getState().lock).toBeNull();
    store.getState().actions.undo();
    // Same traces: outlined at once, in head 2's weights.
    expect(store.getState().lock).toEqual(cell);
    store.getState().actions.undo();
    expect(store.getState().lock).toBeNull();
    expect(engine.calls).toHaveLength(1);
  });

  it('outlines nothing for a one-query step’s query pick (a diagonal lock)', () => {
    const engine = fakeEngine();
    const store = createLabStore(
      { ...defaultView('3.3.1'), locked: { head: 0, row: 3, col: 3 } },
      engine.factory,
    );
    engine.answer();
    expect(store.getState().lock).toBeNull();
    expect(store.getState().view.locked?.row).toBe(3);
  });
});
