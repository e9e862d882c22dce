/**
 * One race: every chosen runner at every chosen size, sizes ascending, each timed against the
 * reference engine's output. A runner whose next size would take too long (its last time scaled
 * by the flop count) is skipped with that reason, so the default sweep stays short.
 */
import { flopsOf } from '../bench/cases.ts';
import { benchConfig } from '../bench/inputs.ts';
import { forward } from '../engine/run.ts';
import type { ImplId } from './implementations.ts';
import { deviation, MEASURE, type MeasureOptions, measure } from './measure.ts';
import type { RaceResponse, RunRequest } from './protocol.ts';
import type { MakeRunner } from './runners.ts';
import { benchCaseOf, widthOf } from './sizes.ts';

/** A pass predicted to take longer than this is skipped. */
export const TOO_SLOW_MS = 1500;

export interface RaceDeps {
  makeRunner: MakeRunner;
  /** Why a runner cannot run here (null: it can). */
  reasons: Partial<Record<ImplId, string | null>>;
  post(message: RaceResponse): void;
  options?: MeasureOptions;
}

export async function runRace(req: RunRequest, deps: RaceDeps): Promise<void> {
  const { heads } = widthOf(req.d);
  const sizes = [...new Set(req.sizes)].sort((a, b) => a - b);
  const total = sizes.length * req.impls.length;
  deps.post({ kind: 'started', total });
  const last = new Map<ImplId, { ms: number; flops: number }>();
  let done = 0;
  for (const T of sizes) {
    const c = benchCaseOf({ T, d: req.d, heads });
    const flops = flopsOf(c);
    const expected = forward(benchConfig(c)).output.data;
    for (const impl of req.impls) {
      const base = { impl, T, d: req.d, heads };
      const before = last.get(impl);
      const predicted = before ? (before.ms * flops) / before.flops : 0;
      const reason =
        deps.reasons[impl] ??
        (predicted > TOO_SLOW_MS
          ? `skipped: would take about ${(predicted / 1000).toFixed(0)} s per pass`
          : null);
      let row: RaceResponse & { kind: 'row' };
      if (reason) {
        row = { kind: 'row', row: { ...base, skipped: reason }, done: ++done, total };
      } else {
        try {
          const runner = await deps.makeRunner(impl, c);
          const t = await measure(() => runner.run(), deps.options ?? MEASURE).finally(() =>
            runner.release(),
          );
          const dev = deviation(t.out, expected);
          last.set(impl, { ms: t.median_ms, flops });
          const measured = { median_ms: t.median_ms, runs: t.runs, ...dev };
          const gflops = flops / t.median_ms / 1e6;
          row = { kind: 'row', row: { ...base, ...measured, gflops }, done: ++done, total };
        } catch (e) {
          const skipped = `failed: ${(e as Error).message}`;
          row = { kind: 'row', row: { ...base, skipped }, done: ++done, total };
        }
      }
      deps.post(row);
    }
  }
  deps.post({ kind: 'done' });
}
