/**
 * The catch-up queue: redraws the training page may make a frame or two after they fall due (a
 * table of numbers, a panel, the address bar). Each animation frame runs the queued work, oldest
 * first, until the frame has spent its budget (always at least one piece), so pressing Pause,
 * which makes every panel due at once, spreads their redraws over a few short frames instead of
 * one long task.
 */
import { flushSync } from 'react-dom';

/**
 * Milliseconds of a frame, counted from its start, after which no further piece starts: small,
 * as each piece's layout and paint come after it, outside the count.
 */
export const FRAME_BUDGET_MS = 4;

const queue = new Set<() => void>();
const listeners = new Set<() => void>();
let scheduled = false;

/** Runs `work` in a coming animation frame; already queued, it keeps its place. */
export function catchUp(work: () => void): void {
  if (queue.has(work)) return;
  queue.add(work);
  if (queue.size === 1) notify();
  schedule();
}

/** Drops `work` from the queue (its component went away). */
export function cancelCatchUp(work: () => void): void {
  if (queue.delete(work) && queue.size === 0) notify();
}

/** Whether work is waiting; the page is aria-busy meanwhile. */
export function catchingUp(): boolean {
  return queue.size > 0;
}

/** Calls `listener` when the queue fills or empties; returns the unsubscribe. */
export function onCatchUpChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(run);
}

function run(start: number): void {
  scheduled = false;
  for (const work of queue) {
    queue.delete(work);
    // Rendered and committed here, so the time it took counts against this frame's budget.
    flushSync(work);
    if (performance.now() - start >= FRAME_BUDGET_MS) break;
  }
  if (queue.size) schedule();
  else notify();
}

function notify(): void {
  for (const listener of listeners) listener();
}
