/**
 * The link that reopens a view: this page's address without its query (a `?backend=` override
 * is the sender's tab's business; the backend choice travels in the hash) and the view's
 * permalink. Built from the store's view, not the address bar, which may lag by the debounce.
 */
import type { ViewState } from '../../src/chapter/view.ts';
import { encodeView } from '../../src/permalink/index.ts';

export function shareLink(view: ViewState, location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}${encodeView(view)}`;
}

/** Copies to the clipboard; false where the browser refuses (no permission, insecure page). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
