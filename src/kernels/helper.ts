/**
 * A helper thread's life: instantiate the kernels on the shared memory, then run its share of
 * every forward pass the host starts (a new generation in the control block) until told to stop.
 * Blocks its thread; browser and Node workers both call it.
 */
import { makeBarrier, waitChange } from './barrier.ts';
import { instantiate } from './exports.ts';
import { runPhases } from './phases.ts';
import { CTRL_GEN, CTRL_STOP, readPlan } from './plan.ts';

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
  ready();
  for (;;) {
    waitChange(ctrl, CTRL_GEN, gen);
    gen = Atomics.load(ctrl, CTRL_GEN);
    if (Atomics.load(ctrl, CTRL_STOP)) return;
    runPhases(ex, readPlan(ctrl), init.tid, init.threads, barrier);
    barrier();
  }
}
