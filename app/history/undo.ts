/**
 * The learner's undo history: a bounded list of edits, each kept as the whole view before and
 * after it. Whole views (not diffs) make undo exact whatever the edit was, and keeping both ends
 * means undo still works after Back/Forward moved the page somewhere no edit led to.
 *
 * Consecutive changes of the same thing (one cell, one dragged point, one typed setting) merge
 * into one edit until the gesture ends: the page calls `seal()` when focus moves or the pointer
 * is pressed or released (see useGestureEnds). So typing "0.95" into a cell, or dragging a point,
 * is undone in one go, however slowly the learner types or the machine answers.
 */
import type { ViewState } from '../../src/chapter/view.ts';
import { editKey, mergeKeys } from './edit-key.ts';

export const MAX_UNDO = 200;

interface Edit {
  before: ViewState;
  after: ViewState;
  /** What the edit changed (see editKey); null never merges. */
  key: string | null;
  /** Closed: the gesture that made it ended, so the next change starts a new edit. */
  sealed: boolean;
  /** A run of edits the app makes for one action of the learner's (Play), which is one edit. */
  run?: string;
}

export interface UndoFlags {
  canUndo: boolean;
  canRedo: boolean;
}

export class UndoHistory {
  private past: Edit[] = [];
  private future: Edit[] = [];
  private readonly limit: number;

  constructor(limit = MAX_UNDO) {
    this.limit = limit;
  }

  /**
   * Records `before → after`; a new edit clears what could be redone. `alone` keeps an edit
   * from merging whatever it changed (a button such as "Start over" is never part of a gesture);
   * edits of one `run` (the tokens Play generates) merge into one.
   */
  record(before: ViewState, after: ViewState, alone = false, run?: string): void {
    this.future = [];
    const key = alone ? null : editKey(before, after);
    const last = this.past[this.past.length - 1];
    // One run's edits are one edit, whatever they changed and however the pointer moved
    // meanwhile, unless another edit came in between.
    if (run !== undefined && last && last.run === run && last.after === before) {
      last.after = after;
      return;
    }
    // Merging needs an open gesture, the same thing changed, and no jump in between.
    const merged = last && !last.sealed && last.after === before ? mergeKeys(last.key, key) : null;
    if (last && merged !== null) {
      Object.assign(last, { after, key: merged });
      return;
    }
    this.past.push({ before, after, key, sealed: alone, run });
    if (this.past.length > this.limit) this.past.shift();
  }

  /** The current gesture ended: the next change, even of the same thing, is a new edit. */
  seal(): void {
    const last = this.past[this.past.length - 1];
    if (last) last.sealed = true;
  }

  /** The view to show for undo, or null when there is nothing to undo. */
  undo(): ViewState | null {
    const edit = this.past.pop();
    if (!edit) return null;
    this.future.push(edit);
    return edit.before;
  }

  redo(): ViewState | null {
    const edit = this.future.pop();
    if (!edit) return null;
    // A later change of the same thing must not merge into an edit that was undone and redone.
    edit.sealed = true;
    this.past.push(edit);
    return edit.after;
  }

  flags(): UndoFlags {
    return { canUndo: this.past.length > 0, canRedo: this.future.length > 0 };
  }
}
