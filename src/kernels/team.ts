/**
 * The threads that run the kernels: this one (thread 0) plus helpers on the same shared
 * memory. A pass writes the plan into the control block, bumps the generation (waking the
 * helpers), does thread 0's share and meets the others at a final barrier: synchronous.
 */
import { makeBarrier } from './barrier.ts';
import { instantiate, type KernelBuild, type KernelExports, sharedMemory } from './exports.ts';
import type { HelperInit } from './helper.ts';
import { runPhases } from './phases.ts';
import { CTRL_GEN, CTRL_PASS, CTRL_STOP, CTRL_TOUCH_TO, type Plan, writePlan } from './plan.ts';

/** Starts a helper thread (a Web Worker or a Node worker) and resolves once it is ready. */
export type SpawnHelper = (init: HelperInit) => Promise<{ terminate(): void }>;

export class Team {
  private readonly ctrl: Int32Array;
  private readonly barrier: () => void;
  /** Wall time of each phase of the last pass on thread 0: projections, attention, out_proj. */
  phaseMs: number[] = [];

  private constructor(
    readonly build: KernelBuild,
    readonly memory: WebAssembly.Memory,
    readonly threads: number,
    private readonly helpers: { terminate(): void }[],
    readonly ex: KernelExports,
  ) {
    this.ctrl = new Int32Array(memory.buffer, 0, 64);
    this.barrier = makeBarrier(this.ctrl, threads);
  }

  static async start(
    module: WebAssembly.Module,
    build: KernelBuild,
    threads: number,
    spawn: SpawnHelper | null,
    shared = true,
  ): Promise<Team> {
    const memory = sharedMemory(16, shared);
    const ex = instantiate(module, memory);
    const n = spawn && shared ? Math.max(1, threads) : 1;
    const helpers = await Promise.all(
      Array.from({ length: n - 1 }, (_, i) => spawn?.({ module, memory, tid: i + 1, threads: n })),
    );
    return new Team(build, memory, n, helpers as { terminate(): void }[], ex);
  }

  /** Grows the memory to at least `bytes`. */
  reserve(bytes: number): void {
    const have = this.memory.buffer.byteLength;
    if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / 65536));
  }

  /**
   * Grows the memory to at least `bytes` and has the helper threads write once into each of its
   * pages while this thread goes on: the first write to a fresh page faults, and on the
   * developers' machine that cost 3–4 ms per MB — a T=1,024 layer's first pass, writing ~130 MB
   * (every head's scores and weights, then), ran 0.3–0.5 s instead of 0.1. Returns at once; a
   * pass started before the helpers are done waits for them at its first barrier. Without
   * helpers it only grows.
   */
  prefault(bytes: number): void {
    this.reserve(bytes);
    if (this.threads === 1 || bytes <= Atomics.load(this.ctrl, CTRL_TOUCH_TO)) return;
    Atomics.store(this.ctrl, CTRL_TOUCH_TO, bytes);
    this.wake();
  }

  /** One pass; `alone` keeps it on this thread (small inputs: waking helpers costs more). */
  run(plan: Plan, alone = false): void {
    if (alone || this.threads === 1) {
      const marks = [performance.now()];
      runPhases(this.ex, plan, 0, 1, () => marks.push(performance.now()));
      marks.push(performance.now());
      this.phaseMs = marks.slice(1).map((t, i) => t - marks[i]);
      return;
    }
    writePlan(this.ctrl, plan);
    Atomics.add(this.ctrl, CTRL_PASS, 1);
    this.wake();
    const marks = [performance.now()];
    const mark = () => {
      this.barrier();
      marks.push(performance.now());
    };
    runPhases(this.ex, plan, 0, this.threads, mark);
    mark();
    this.phaseMs = marks.slice(1).map((t, i) => t - marks[i]);
  }

  stop(): void {
    Atomics.store(this.ctrl, CTRL_STOP, 1);
    this.wake();
    for (const h of this.helpers) h.terminate();
  }

  /** A new generation: the helpers look at the control block again. */
  private wake(): void {
    Atomics.add(this.ctrl, CTRL_GEN, 1);
    Atomics.notify(this.ctrl, CTRL_GEN);
  }
}
