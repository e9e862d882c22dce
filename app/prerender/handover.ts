/**
 * The build writes the landing view into index.html (scripts/prerender-landing.ts), inert, so the
 * first frame holds the book's numbers, and the view's traces beside it. Mounting React replaces
 * the copy; mounted before it has traces to draw, the app would show an empty step between the
 * copy and the live view. So the store starts with the build's traces when they are the ones
 * the start view asks for, and the app mounts once a result (or a refusal) is in the store, or
 * after MAX_WAIT_MS at most.
 */
import { configsFor } from '../../src/chapter/steps/index.ts';
import type { ViewState } from '../../src/chapter/view.ts';
import type { Trace } from '../../src/engine/trace.ts';
import { decodeTraces } from '../../src/engine/trace-snapshot.ts';
import type { LabStore } from '../store/index.ts';

/** The copy's and the traces' element ids (scripts/prerender-landing.ts writes them). */
export const PRERENDERED_ID = 'prerendered';
export const PRERENDERED_TRACES_ID = 'prerendered-traces';
/** Set on <html> by the build's inline script when the copy is not for this page: it is hidden. */
export const DROPPED_ATTRIBUTE = 'data-prerendered-dropped';
const MAX_WAIT_MS = 3000;

/** The copy, if it is on screen; a copy the build's script hid (another view) is removed. */
function copyOnScreen(): HTMLElement | null {
  const copy = document.getElementById(PRERENDERED_ID);
  if (copy && document.documentElement.hasAttribute(DROPPED_ATTRIBUTE)) {
    copy.remove();
    return null;
  }
  return copy;
}

export function whenReadyToReplace(store: LabStore): Promise<void> {
  if (!copyOnScreen()) return Promise.resolve();
  return new Promise((resolve) => {
    const ready = () => {
      const { shown, fault } = store.getState();
      return shown !== null || fault !== null;
    };
    if (ready()) return resolve();
    const done = () => {
      unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    const unsubscribe = store.subscribe(() => {
      if (ready()) done();
    });
    const timer = setTimeout(done, MAX_WAIT_MS);
  });
}

/** The build's traces, if the copy is on screen and they are what `view` asks the engine for. */
export function prerenderedTraces(view: ViewState): Trace[] | null {
  const text = document.getElementById(PRERENDERED_TRACES_ID)?.textContent;
  if (!copyOnScreen() || !text) return null;
  try {
    const { configs, traces } = JSON.parse(text) as { configs: string; traces: string };
    return configs === JSON.stringify(configsFor(view)) ? decodeTraces(traces) : null;
  } catch {
    return null; // A damaged copy: the worker's answer will come as usual.
  }
}
