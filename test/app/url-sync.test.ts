// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectSession, SESSION_KEY } from '../../app/persist/session.ts';
import { connectUrl } from '../../app/route/url-sync.ts';
import { setCell } from '../../app/store/edits.ts';
import { defaultView } from '../../src/chapter/view.ts';
import { decodeView, encodeView, messages } from '../../src/permalink/index.ts';
import { readyStore } from './fake-engine.ts';

let disconnect: (() => void) | null = null;

beforeEach(() => {
  vi.useFakeTimers();
  window.history.replaceState(null, '', '/#/3.3.2');
  localStorage.clear();
});
afterEach(() => {
  disconnect?.();
  disconnect = null;
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function connected(step: Parameters<typeof readyStore>[0] = '3.3.2') {
  const { store, engine } = readyStore(step);
  disconnect = connectUrl(store);
  const push = vi.spyOn(window.history, 'pushState');
  const replace = vi.spyOn(window.history, 'replaceState');
  return { store, engine, push, replace };
}

/** Moves the address bar as Back or a hand edit would, then fires the browser's events. */
function navigate(hash: string) {
  // The prototype's own method: the test's spy counts only what the page writes.
  History.prototype.replaceState.call(window.history, null, '', `/${hash}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

describe('the address bar follows the view', () => {
  it('opens on the canonical link of the first view, keeping the query', () => {
    window.history.replaceState(null, '', '/?backend=reference#/3.3.2');
    connected({ ...defaultView('3.3.2'), backend: 'reference' });
    expect(window.location.search).toBe('?backend=reference');
    expect(decodeView(window.location.hash).state.backend).toBe('reference');
  });

  it('edits replace the entry after 300 ms of quiet; a step change pushes one', () => {
    const { store, push, replace } = connected();
    const { actions } = store.getState();
    actions.edit((v) => setCell(v, 1, 0, 0.9));
    actions.edit((v) => setCell(v, 1, 0, 0.95));
    expect(replace).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(decodeView(window.location.hash).state.embeddings[1][0]).toBe(0.95);

    actions.edit((v) => setCell(v, 1, 0, 0.5));
    actions.goTo('3.4.1');
    // The waiting edit went into the entry being left, before the new entry was pushed.
    expect(replace).toHaveBeenCalledTimes(2);
    expect(push).toHaveBeenCalledTimes(1);
    expect(window.location.hash.startsWith('#/3.4.1?s=')).toBe(true);
    expect(decodeView(window.location.hash).state.embeddings[1][0]).toBe(0.5);
  });

  it('Back/Forward set the view without writing a new entry or an undo step', () => {
    const { store, push } = connected();
    const hash = encodeView({ ...defaultView('3.5.1'), seed: 7 });
    navigate(hash);
    const s = store.getState();
    expect(s.view).toEqual({ ...defaultView('3.5.1'), seed: 7 });
    expect(s.origin).toBe('url');
    expect(s.undo.canUndo).toBe(false);
    expect(push).not.toHaveBeenCalled();
    expect(window.location.hash).toBe(hash);
  });

  it('a hand-edited hash with problems shows them and is replaced by the repaired link', () => {
    const { store } = connected();
    navigate('#/3.6.2?s=broken!');
    expect(store.getState().notice).toEqual({
      kind: 'link',
      problems: [messages.damaged('3.6.2')],
    });
    expect(window.location.hash).toBe('#/3.6.2');
    navigate('#/3.4.1');
    expect(store.getState().notice).toBeNull();
  });

  it('a waiting edit is dropped, not written into the entry Back went to', () => {
    const { store } = connected();
    store.getState().actions.edit((v) => ({ ...v, seed: 99 }));
    navigate('#/3.5.1');
    vi.advanceTimersByTime(1000);
    expect(window.location.hash).toBe('#/3.5.1');
  });

  it('…even when its timer fires after Back but before the popstate event', () => {
    const { store } = connected();
    store.getState().actions.edit((v) => ({ ...v, seed: 99 }));
    History.prototype.replaceState.call(window.history, null, '', '/#/3.5.1');
    vi.advanceTimersByTime(1000);
    expect(window.location.hash).toBe('#/3.5.1');
  });
});

describe('the saved session follows the learner’s changes', () => {
  it('saves edits after a pause, but not a view that merely arrived', () => {
    const { store } = readyStore('3.3.2');
    disconnect = connectSession(store, localStorage);
    store.getState().actions.arrive(defaultView('3.6.1'));
    vi.advanceTimersByTime(1000);
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
    store.getState().actions.edit((v) => ({ ...v, seed: 5 }));
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
    vi.advanceTimersByTime(300);
    expect(localStorage.getItem(SESSION_KEY)).toBe(
      encodeView({ ...defaultView('3.6.1'), seed: 5 }),
    );
  });

  it('leaving the page writes at once', () => {
    const { store } = readyStore('3.3.2');
    disconnect = connectSession(store, localStorage);
    store.getState().actions.goTo('3.5.2');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(localStorage.getItem(SESSION_KEY)).toBe('#/3.5.2');
  });
});
