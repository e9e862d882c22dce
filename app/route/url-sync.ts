/**
 * Keeps the address bar's hash equal to the permalink of the view on screen, and the view equal
 * to the hash when the learner moves through the browser's history:
 * - a change of step pushes a history entry, so Back returns to the previous step as it was;
 * - any other change replaces the current entry, after DEBOUNCE_MS of quiet (a drag would
 *   otherwise write the URL every frame, and Chrome throttles pages that do that);
 * - Back/Forward and a hand-edited hash decode the new hash into the store, with a notice when
 *   it had problems, then write the repaired view's canonical link in its place.
 * The query (`?backend=…`) is left as it is: it belongs to this tab, not to the view.
 */
import type { ViewState } from '../../src/chapter/view.ts';
import { decodeView, encodeView } from '../../src/permalink/index.ts';
import type { LabStore } from '../store/index.ts';
import { backendOverride, hashText } from './url.ts';

export const DEBOUNCE_MS = 300;

export function connectUrl(store: LabStore, win: Window = window, delay = DEBOUNCE_MS): () => void {
  const { location, history } = win;
  /** The hash this page last wrote or read: events for it are our own, or already handled. */
  let current = location.hash;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: ViewState | null = null;

  const urlFor = (hash: string) => `${location.pathname}${location.search}${hash}`;
  const write = (view: ViewState, push: boolean) => {
    const hash = encodeView(view);
    if (push) history.pushState(null, '', urlFor(hash));
    else if (hash !== location.hash) history.replaceState(history.state, '', urlFor(hash));
    current = hash;
  };
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  /** Writes the waiting view into the current entry now (before leaving it, or unloading). */
  const flush = () => {
    const view = pending;
    cancel();
    // If the browser already moved to another entry (Back, before its popstate arrived), the
    // view belongs to the entry it left: writing it here would overwrite the one it went to.
    if (view && location.hash === current) write(view, false);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.view === previous.view) return;
    if (state.origin === 'url') {
      cancel();
      write(state.view, false);
    } else if (state.view.step !== previous.view.step) {
      flush();
      write(state.view, true);
    } else {
      pending = state.view;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delay);
    }
  });

  // Back/Forward fire popstate and then hashchange; a hand-edited hash fires both as well.
  const onNavigate = () => {
    if (location.hash === current) return;
    // A write still waiting belonged to the entry the browser just left; it cannot go there now.
    cancel();
    current = location.hash;
    const { state, problems } = decodeView(hashText(location.hash));
    const backend = backendOverride(location.search);
    const { actions, notice } = store.getState();
    actions.arrive(backend ? { ...state, backend } : state);
    if (problems.length > 0) actions.setNotice({ kind: 'link', problems });
    else if (notice?.kind === 'link') actions.setNotice(null);
  };
  win.addEventListener('popstate', onNavigate);
  win.addEventListener('hashchange', onNavigate);
  win.addEventListener('pagehide', flush);

  // The page opens on the canonical link of its first view (a repaired link, a restored session).
  write(store.getState().view, false);

  return () => {
    flush();
    unsubscribe();
    win.removeEventListener('popstate', onNavigate);
    win.removeEventListener('hashchange', onNavigate);
    win.removeEventListener('pagehide', flush);
  };
}
