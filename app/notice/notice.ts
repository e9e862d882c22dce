/**
 * What the page tells the learner about where the view on screen came from. Problems are the
 * decoder's plain-text sentences; the banner renders them as text, never as markup.
 */
import type { StepId } from '../../src/chapter/view.ts';

export type Notice =
  /** The link in the address bar had problems; the page shows the nearest valid view. */
  | { kind: 'link'; problems: string[] }
  /** The session saved in this browser had problems (it is repaired the same way as a link). */
  | { kind: 'stored'; problems: string[] }
  /** No link: the page reopened the learner's last session. */
  | { kind: 'restored' }
  /** "Start over from the book" was used; undo brings the learner's work back. */
  | { kind: 'started-over'; step: StepId };
