import type { WorkerMark } from '../../src/gpt2/timeline.ts';

/**
 * Performance measures of the step's stretches, for `npm run bench` (its GPT-2 rows' breakdown):
 * every name is prefixed `gpt2-`. Measures cost a timestamp; they run on every edit.
 */
export function timed<T>(name: string, paint: () => T): T {
  const start = performance.now();
  const out = paint();
  performance.measure(`gpt2-${name}`, { start, end: performance.now() });
  return out;
}

/** The worker's stretches of one run (its own clock: durations only), as page measures. */
export function recordWorker(phases: Record<string, number>, ms: number): void {
  const now = performance.now();
  for (const [name, d] of Object.entries({ ...phases, total: ms }))
    performance.measure(`gpt2-worker-${name}`, { start: now - d, duration: d });
}

/** The worker's one-time stretches (its load, the kernels' start, the prepare), where they fell. */
export function recordWorkerMarks(marks: readonly WorkerMark[]): void {
  for (const m of marks) {
    const start = Math.max(0, m.at - performance.timeOrigin);
    performance.measure(`gpt2-w-${m.name}`, { start, duration: m.ms });
  }
}
