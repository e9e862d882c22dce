import { describe, expect, it } from 'vitest';
import { setCell } from '../../app/store/edits.ts';
import { readyStore } from './fake-engine.ts';

/** The store keeps what was on screen when an edit gesture began, for the changes view. */
describe('the traces before an edit', () => {
  it('are those on screen when the gesture began, kept through the gesture', () => {
    const { store, engine } = readyStore('3.3.2');
    const book = store.getState().shown;
    const { edit, endGesture } = store.getState().actions;
    expect(store.getState().before).toBeNull();
    edit((v) => setCell(v, 1, 0, 0.6)); // a drag: several edits, one gesture
    engine.answer();
    edit((v) => setCell(v, 1, 0, 0.7));
    engine.answer();
    expect(store.getState().before).toBe(book);
    expect(store.getState().shown).not.toBe(book);
    endGesture();
    const second = store.getState().shown;
    edit((v) => setCell(v, 1, 0, 0.8)); // the next gesture compares with the result of the last
    expect(store.getState().before).toBe(second);
  });

  it('are dropped on a step change, and a lock (no recompute) keeps them', () => {
    const { store, engine } = readyStore('3.3.2');
    const book = store.getState().shown;
    const { edit, toggleLock, goTo, endGesture } = store.getState().actions;
    edit((v) => setCell(v, 1, 0, 0.6));
    engine.answer();
    endGesture();
    toggleLock({ panel: 'attn_weights', row: 1, col: 2, head: 0, query: 1, key: 2 });
    expect(store.getState().before).toBe(book);
    goTo('3.4.1');
    expect(store.getState().before).toBeNull();
  });
});
