/**
 * The catch-up queue: redraws the training page may make a few frames after they fall due (a
 * table of numbers, a matrix, the backward pass, the address bar). After each animation frame the
 * oldest piece, one panel, runs in a task of its own and is laid out there: pressing Pause, which
 * makes every panel due at once, spreads their redraws over as many short tasks instead of one
 * long one, and while training plays a piece never lengthens the frame that draws the new step.
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
  // A timer set in a frame's callback runs once that frame is drawn, as a task of its own.
  requestAnimationFrame(() => setTimeout(run, 0));
}

function run(): void {
  scheduled = false;
  const [work] = queue;
  if (work) {
    queue.delete(work);
    // Committed now, not merged into the next piece's; and laid out now, in this task, so the
    // next frame (which draws the newest step while training plays) only paints it.
    flushSync(work);
    if (typeof document !== 'undefined') document.body.getBoundingClientRect();
  }
  if (queue.size) schedule();
  else notify();
}

function notify(): void {
  for (const listener of listeners) listener();
}
