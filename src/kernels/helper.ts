/**
 * A helper thread's life: instantiate the kernels on the shared memory, then, at each new
 * generation in the control block until told to stop, fault in its share of the memory the host
 * asked for (Team.prefault) and run its share of the forward pass the host started, if any.
 * Blocks its thread; browser and Node workers both call it.
 */
import { makeBarrier, waitChange } from './barrier.ts';
import { instantiate } from './exports.ts';
import { runPhases } from './phases.ts';
import { CTRL_GEN, CTRL_PASS, CTRL_STOP, CTRL_TOUCH_TO, readPlan } from './plan.ts';

/** The operating system's page: one write in each faults it in. */
const PAGE = 4096;

export interface HelperInit {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  tid: number;
  threads: number;
}

export function helperLoop(init: HelperInit, ready: () => void): void {
  const ex = instantiate(init.module, init.memory);
  const ctrl = new Int32Array(init.memory.buffer, 0, 64);
  const barrier = makeBarrier(ctrl, init.threads);
  let gen = Atomics.load(ctrl, CTRL_GEN);
  let pass = Atomics.load(ctrl, CTRL_PASS);
  let touched = 0;
  ready();
  for (;;) {
    waitChange(ctrl, CTRL_GEN, gen);
    gen = Atomics.load(ctrl, CTRL_GEN);
    if (Atomics.load(ctrl, CTRL_STOP)) return;
    const touchTo = Atomics.load(ctrl, CTRL_TOUCH_TO);
    if (touchTo > touched) {
      touchPages(init.memory, touched, touchTo, init.tid - 1, init.threads - 1);
      touched = touchTo;
    }
    if (Atomics.load(ctrl, CTRL_PASS) === pass) continue;
    pass = Atomics.load(ctrl, CTRL_PASS);
    runPhases(ex, readPlan(ctrl), init.tid, init.threads, barrier);
    barrier();
  }
}

/**
 * Writes once into every `shares`-th page of [from, to), from the `share`-th on. An atomic OR
 * with 0 is a write that changes nothing, so it is safe on pages a pass may be using.
 */
function touchPages(
  memory: WebAssembly.Memory,
  from: number,
  to: number,
  share: number,
  shares: number,
): void {
  const bytes = new Uint8Array(memory.buffer);
  const end = Math.min(to, bytes.length);
  for (let at = (Math.floor(from / PAGE) + share) * PAGE; at < end; at += shares * PAGE)
    Atomics.or(bytes, at, 0);
}
