import { describe, expect, it } from 'vitest';
import { editKey, mergeKeys } from '../../app/history/edit-key.ts';
import { UndoHistory } from '../../app/history/undo.ts';
import { addToken, randomInputs, renameToken, setCell, setPoint } from '../../app/store/edits.ts';
import { defaultView, type ViewState } from '../../src/chapter/view.ts';

const book = defaultView('3.3.2');

/** Applies edits one after another, recording each ('end' ends the gesture); returns the view. */
function play(
  history: UndoHistory,
  start: ViewState,
  steps: (((v: ViewState) => ViewState) | 'end')[],
) {
  let view = start;
  for (const step of steps) {
    if (step === 'end') {
      history.seal();
      continue;
    }
    const next = step(view);
    history.record(view, next);
    view = next;
  }
  return view;
}

describe('what an edit changed (editKey)', () => {
  it('names one cell, one dragged point, one token, one setting', () => {
    expect(editKey(book, setCell(book, 1, 0, 0.9))).toBe('embeddings r1 c0');
    expect(editKey(book, setPoint(book, 3, { 0: 0.1, 1: 0.2 }))).toBe('embeddings r3 c0,1');
    expect(editKey(book, renameToken(book, 2, 'x'))).toBe('tokens 2');
    expect(editKey(book, { ...book, seed: 5 })).toBe('seed');
    expect(editKey(book, { ...book, dropout: 0.25 })).toBe('dropout');
  });

  it('never merges clicks: switches, the locked cell, menus', () => {
    expect(editKey(book, { ...book, locked: { head: 0, row: 1, col: 2 } })).toBeNull();
    expect(editKey(book, { ...book, causal: true })).toBeNull();
    expect(editKey(book, { ...book, backend: 'wasm' })).toBeNull();
    expect(editKey(book, { ...book, scatter_dims: [1, 2] })).toBeNull();
  });

  it('never merges reshaping or many-row edits', () => {
    expect(editKey(book, addToken(book))).toBeNull();
    expect(editKey(book, randomInputs(book, 3))).toBeNull();
    expect(editKey(book, { ...book, tokens: ['a', 'b', 'c', 'd', 'e', 'f'] })).toBeNull();
    expect(editKey(book, book)).toBeNull();
  });

  it('merges a drag that moves along one axis in some frames, not two different cells', () => {
    expect(mergeKeys('embeddings r3 c0', 'embeddings r3 c0,1')).toBe('embeddings r3 c0,1');
    expect(mergeKeys('embeddings r3 c1', 'embeddings r3 c0')).toBeNull();
    expect(mergeKeys('embeddings r3 c0', 'embeddings r4 c0')).toBeNull();
    expect(mergeKeys('seed', 'seed')).toBe('seed');
    expect(mergeKeys('seed', 'd_out')).toBeNull();
    expect(mergeKeys(null, null)).toBeNull();
  });
});

describe('the undo history', () => {
  it('typing a number into one cell is one undo step, however slowly', () => {
    const history = new UndoHistory();
    const typed = play(history, book, [
      (v) => setCell(v, 1, 0, 0),
      (v) => setCell(v, 1, 0, 0.9),
      (v) => setCell(v, 1, 0, 0.95),
      'end',
    ]);
    expect(typed.embeddings[1][0]).toBe(0.95);
    expect(history.undo()).toBe(book);
    expect(history.flags()).toEqual({ canUndo: false, canRedo: true });
    expect(history.redo()).toBe(typed);
  });

  it('the end of a gesture, other fields and other cells start new steps', () => {
    const history = new UndoHistory();
    const a = setCell(book, 1, 0, 0.9);
    const b = setCell(a, 1, 0, 0.8);
    const c = setCell(b, 1, 1, 0.1);
    const d = { ...c, seed: 9 };
    play(history, book, [() => a, 'end', () => b, () => c, () => d]);
    expect([history.undo(), history.undo(), history.undo(), history.undo()]).toEqual([
      c,
      b,
      a,
      book,
    ]);
    expect(history.undo()).toBeNull();
  });

  it('a drag is one step, even when some frames move one axis only', () => {
    const history = new UndoHistory();
    play(history, book, [
      (v) => setPoint(v, 3, { 0: 0.3 }),
      (v) => setPoint(v, 3, { 0: 0.35, 1: 0.5 }),
      (v) => setPoint(v, 3, { 0: 0.4, 1: 0.45 }),
      'end',
    ]);
    expect(history.undo()).toBe(book);
    expect(history.flags().canUndo).toBe(false);
  });

  it('"alone" edits never merge', () => {
    const history = new UndoHistory();
    const a = { ...book, seed: 1 };
    history.record(book, a);
    history.record(a, { ...a, seed: 2 }, true);
    history.record({ ...a, seed: 2 }, { ...a, seed: 3 });
    expect(history.undo()?.seed).toBe(2);
    expect(history.undo()?.seed).toBe(1);
  });

  it('one run (Play on §4.2) is one edit, across pointer presses; another edit splits it', () => {
    const kv = defaultView('4.2');
    const at = (v: ViewState, generated: number) => ({ ...v, local: { ...v.local, generated } });
    const history = new UndoHistory();
    let view = kv;
    for (const g of [2, 3, 4, 5]) {
      const next = at(view, g);
      history.record(view, next, false, 'play 1');
      history.seal(); // a click elsewhere while playing
      view = next;
    }
    expect(history.undo()).toBe(kv);
    expect(history.flags()).toEqual({ canUndo: false, canRedo: true });
    expect(history.redo()).toBe(view);
    // A typed seed in the middle of a run: the run's tokens before and after it stay apart.
    const runner = new UndoHistory();
    const a = at(kv, 2);
    runner.record(kv, a, false, 'play 2');
    const b = { ...a, seed: 7 };
    runner.record(a, b);
    const c = at(b, 3);
    runner.record(b, c, false, 'play 2');
    expect(runner.undo()).toBe(b);
    expect(runner.undo()).toBe(a);
    expect(runner.undo()).toBe(kv);
    // A later run is a new edit.
    const later = new UndoHistory();
    later.record(kv, a, false, 'play 3');
    later.record(a, c, false, 'play 4');
    expect(later.undo()).toBe(a);
  });

  it('a new edit clears redo, and a redone edit never swallows the next one', () => {
    const history = new UndoHistory();
    const a = { ...book, seed: 1 };
    history.record(book, a);
    history.undo();
    const b = { ...book, seed: 2 };
    history.record(book, b);
    expect(history.flags()).toEqual({ canUndo: true, canRedo: false });
    history.undo();
    expect(history.redo()).toBe(b);
    const c = { ...b, seed: 3 };
    history.record(b, c);
    expect(history.undo()).toBe(b);
  });

  it('undo returns to the view before the edit even after a jump elsewhere (Back)', () => {
    const history = new UndoHistory();
    const edited = { ...book, seed: 4 };
    history.record(book, edited);
    // The page moved without an edit (Back to another step); the same field changes again.
    const elsewhere = { ...defaultView('3.4.1'), seed: 4 };
    history.record(elsewhere, { ...elsewhere, seed: 5 });
    expect(history.undo()).toBe(elsewhere);
    expect(history.undo()).toBe(book);
  });

  it('keeps the last 200 edits', () => {
    const history = new UndoHistory();
    let view = book;
    for (let i = 0; i < 250; i++) {
      const next = { ...view, seed: i };
      history.record(view, next);
      history.seal();
      view = next;
    }
    let undone = 0;
    let last: ViewState | null = null;
    for (let v = history.undo(); v; v = history.undo()) {
      last = v;
      undone++;
    }
    expect(undone).toBe(200);
    expect(last?.seed).toBe(49);
  });
});
