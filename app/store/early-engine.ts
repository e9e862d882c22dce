import { opensGpt2Step } from '../gpt2/early-worker.ts';

/**
 * The engine's worker, started by the page's first script (app/boot.ts) while the app's bundle
 * still loads, so it has loaded and can answer the first request by the time the app renders.
 * Started later, from the app's store, it would wait for the bundle's evaluation and first render.
 */
interface Started {
  worker: Worker;
  /** A failure before the app listened (its script failed to load), else null. */
  failure: string | null;
  stopRecording: () => void;
}

let started: Started | null = null;

function spawn(): Started {
  const worker = new Worker(new URL('../../src/engine/worker/worker.ts', import.meta.url), {
    type: 'module',
  });
  const out: Started = { worker, failure: null, stopRecording: () => {} };
  const record = (e: ErrorEvent) => {
    out.failure ??= e.message || 'no message';
  };
  worker.addEventListener('error', record);
  out.stopRecording = () => worker.removeEventListener('error', record);
  return out;
}

/**
 * Starts the engine's worker (once), except on a link to the Exercise 3.3 step: that step asks
 * the chapter's engine for nothing, and its own worker (early-worker.ts) has the machine first.
 */
export function prestartEngine(link: string): void {
  if (opensGpt2Step(link)) return;
  started ??= spawn();
}

/** Whether the page's first script started the worker (it has not been taken yet). */
export function engineStartedEarly(): boolean {
  return started !== null;
}

/** The worker started early, else a new one, and how it failed before now (if it did). */
export function takeEngineWorker(): { worker: Worker; failure: string | null } {
  const { worker, failure, stopRecording } = started ?? spawn();
  stopRecording();
  started = null;
  return { worker, failure };
}
