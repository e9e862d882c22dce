import { GPT2_STEP_LINK, workerNameOf } from '../../src/gpt2/worker-name.ts';

/** Where the built page's inline script leaves the worker it started (scripts/early-gpt2.ts). */
declare global {
  interface Window {
    __attentionLabGpt2?: Worker;
  }
}

let early: Worker | null = null;
/** Whether a page load started (or the step took) a worker: boot.ts and main.tsx both ask. */
let asked = false;

/** Whether an address opens the Exercise 3.3 step (its hash, as `location.hash` gives it). */
export function opensGpt2Step(link: string): boolean {
  return GPT2_STEP_LINK.test(link);
}

/** The step's worker; with a link, named after it so it prepares that text at once. */
function spawn(link = ''): Worker {
  performance.mark('gpt2-worker-created');
  return new Worker(new URL('../../src/gpt2/worker.ts', import.meta.url), {
    type: 'module',
    name: workerNameOf(link),
  });
}

/**
 * A page opened on the Exercise 3.3 step starts the step's worker before the app's scripts run
 * (`app/boot.ts`), named after the link (src/gpt2/worker-name.ts): the tokenizer, the seed's
 * 38.6 M-draw tables and the kernels load while the page starts, not after the step has
 * mounted. Other links: nothing.
 */
export function prestartGpt2(link: string): void {
  if (asked || !opensGpt2Step(link)) return;
  asked = true;
  // The built page started it from an inline script while its HTML was parsed (~0.3 s sooner).
  early = window.__attentionLabGpt2 ?? spawn(link);
  window.__attentionLabGpt2 = undefined;
}

/** The worker started early (once), else a new one. */
export function gpt2Worker(): Worker {
  const w = early ?? spawn();
  early = null;
  asked = true;
  return w;
}
