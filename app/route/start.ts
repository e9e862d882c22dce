/**
 * The view the page opens with: the link in the address bar if there is one (repaired, with a
 * notice when it had problems), else the session saved in this browser, else the book's example
 * for §3.3.1. A `?backend=` in the query overrides the backend of whichever was chosen.
 */
import { defaultView, STEP_IDS, type ViewState } from '../../src/chapter/view.ts';
import { decodeView, encodeView } from '../../src/permalink/index.ts';
import type { Notice } from '../notice/notice.ts';
import { readSession } from '../persist/session.ts';
import { backendOverride, hashText, hasLink } from './url.ts';

export interface Start {
  view: ViewState;
  notice: Notice | null;
}

export function startView(
  location: { hash: string; search: string },
  storage: Storage | null,
): Start {
  const start = fromLinkOrSession(location.hash, storage);
  const backend = backendOverride(location.search);
  return backend ? { ...start, view: { ...start.view, backend } } : start;
}

function fromLinkOrSession(hash: string, storage: Storage | null): Start {
  if (hasLink(hash)) {
    const { state, problems } = decodeView(hashText(hash));
    return { view: state, notice: problems.length > 0 ? { kind: 'link', problems } : null };
  }
  const saved = readSession(storage);
  const book = defaultView(STEP_IDS[0]);
  if (!saved) return { view: book, notice: null };
  if (saved.problems.length > 0) {
    return { view: saved.state, notice: { kind: 'stored', problems: saved.problems } };
  }
  // A saved session that is just the book's first page restores nothing worth announcing.
  const same = encodeView(saved.state) === encodeView(book);
  return { view: saved.state, notice: same ? null : { kind: 'restored' } };
}
