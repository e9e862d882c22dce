/**
 * The catch-up queue: redraws the training page may make a few frames after they fall due (a
 * table of numbers, a matrix, the backward pass, the address bar). Each animation frame runs the
 * oldest piece, one panel: pressing Pause, which makes every panel due at once, spreads their
 * redraws (and each one's layout and paint) over as many short frames instead of one long task.
 */
import { flushSync } from 'react-dom';

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

function run(): void {
  scheduled = false;
  const [work] = queue;
  if (work) {
    queue.delete(work);
    // Rendered and committed in this frame, not merged into the next piece's.
    flushSync(work);
  }
  if (queue.size) schedule();
  else notify();
}

function notify(): void {
  for (const listener of listeners) listener();
}
