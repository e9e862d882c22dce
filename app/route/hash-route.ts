/**
 * Step routing by URL hash, `#/3.5.1`. Kept in this one module so the permalink codec
 * (src/permalink) can take the hash over later: it reads the step, and the store is the truth.
 * A step change pushes a history entry (Back returns to the previous step); Back/Forward and
 * hand-edited hashes move the store.
 */
import {
  BACKEND_CHOICES,
  type BackendChoice,
  STEP_IDS,
  type StepId,
} from '../../src/chapter/view.ts';
import type { LabStore } from '../store/index.ts';

/** The step a hash names, or null (an empty hash is the chapter's start, decided by the caller). */
export function stepFromHash(hash: string): StepId | null {
  const body = hash.replace(/^#?\/?/, '').split('?')[0];
  return (STEP_IDS as readonly string[]).includes(body) ? (body as StepId) : null;
}

export function hashForStep(step: StepId): string {
  return `#/${step}`;
}

/** `?backend=webgpu|wasm|reference` forces a backend from the first frame (tests, benchmarks). */
export function backendFromSearch(search: string): BackendChoice {
  const value = new URLSearchParams(search).get('backend');
  return (BACKEND_CHOICES as readonly string[]).includes(value ?? '')
    ? (value as BackendChoice)
    : 'auto';
}

/** Keeps the hash and the store's step in step; returns the function that disconnects it. */
export function connectRoute(store: LabStore): () => void {
  const onHash = () => {
    const step = stepFromHash(window.location.hash) ?? STEP_IDS[0];
    store.getState().actions.goTo(step);
  };
  window.addEventListener('hashchange', onHash);
  window.addEventListener('popstate', onHash);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.view.step === previous.view.step) return;
    const current = stepFromHash(window.location.hash) ?? STEP_IDS[0];
    if (current !== state.view.step) {
      window.history.pushState(null, '', hashForStep(state.view.step));
    }
  });
  return () => {
    window.removeEventListener('hashchange', onHash);
    window.removeEventListener('popstate', onHash);
    unsubscribe();
  };
}
