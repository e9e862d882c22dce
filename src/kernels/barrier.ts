import { CTRL_COUNT, CTRL_SENSE } from './plan.ts';

/** Spins this many loads before sleeping in Atomics.wait: phases end close together. */
const SPIN = 20000;

/** Waits until ctrl[index] differs from `value`. */
export function waitChange(ctrl: Int32Array, index: number, value: number): void {
  for (let i = 0; i < SPIN; i++) if (Atomics.load(ctrl, index) !== value) return;
  while (Atomics.load(ctrl, index) === value) Atomics.wait(ctrl, index, value);
}

/**
 * A sense-reversing barrier for `threads` threads on the control block: the last to arrive
 * resets the count and flips the sense, which releases the others. Each thread keeps its own.
 */
export function makeBarrier(ctrl: Int32Array, threads: number): () => void {
  let sense = Atomics.load(ctrl, CTRL_SENSE);
  return () => {
    if (threads === 1) return;
    const waitingOn = sense;
    sense ^= 1;
    if (Atomics.add(ctrl, CTRL_COUNT, 1) === threads - 1) {
      Atomics.store(ctrl, CTRL_COUNT, 0);
      Atomics.store(ctrl, CTRL_SENSE, sense);
      Atomics.notify(ctrl, CTRL_SENSE);
    } else {
      waitChange(ctrl, CTRL_SENSE, waitingOn);
    }
  };
}
