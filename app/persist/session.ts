/**
 * The learner's last session, kept in localStorage so that opening the app without a link
 * continues where they left off. It is stored as its permalink (encodeView), so restoring goes
 * through the same decoder, limits and messages as any link: a damaged or hand-edited entry
 * cannot break the page. Storage that is missing, full or forbidden is silently skipped.
 */
import type { ViewState } from '../../src/chapter/view.ts';
import { type DecodedView, decodeView, encodeView } from '../../src/permalink/index.ts';
import type { LabStore } from '../store/index.ts';

export const SESSION_KEY = 'attention-lab:session';
export const SAVE_DELAY_MS = 300;

/** localStorage, or null where reading it throws (storage disabled, sandboxed frames). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The saved view, repaired like a link; null when nothing (usable as text) is saved. */
export function readSession(storage: Storage | null): DecodedView | null {
  let text: unknown;
  try {
    text = storage?.getItem(SESSION_KEY);
  } catch {
    return null;
  }
  if (typeof text !== 'string' || text === '') return null;
  return decodeView(text);
}

export function writeSession(storage: Storage | null, view: ViewState): void {
  try {
    storage?.setItem(SESSION_KEY, encodeView(view));
  } catch {
    // Full or forbidden storage: the URL still holds the view.
  }
}

/**
 * Saves the view shortly after each change the learner makes in the page. A view that merely
 * arrived (opening a friend's link, Back/Forward) is not saved until the learner changes
 * something, so looking at a shared link never overwrites their own saved work.
 */
export function connectSession(
  store: LabStore,
  storage: Storage | null,
  delay = SAVE_DELAY_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: ViewState | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending) writeSession(storage, pending);
    pending = null;
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.view === previous.view || state.origin === 'url' || state.origin === 'start') return;
    pending = state.view;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, delay);
  });
  // Closing or reloading the tab within the delay must not lose the last edit.
  const onHide = () => flush();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    flush();
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
