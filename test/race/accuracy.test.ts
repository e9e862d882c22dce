import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativeDiff, worstRelativeDiff } from '../../src/race/accuracy.ts';
import {
  isMeasured,
  type MeasuredRow,
  type RaceResponse,
  type RaceRow,
} from '../../src/race/protocol.ts';
import { makeLocalRunner } from '../../src/race/runners.ts';
import { runRace } from '../../src/race/session.ts';

const row = (max_abs_diff: number, scale: number): MeasuredRow => ({
  impl: 'einsum',
  T: 16,
  d: 64,
  heads: 4,
  median_ms: 1,
  runs: 3,
  max_abs_diff,
  scale,
  gflops: 1,
});
const skipped: RaceRow = { impl: 'ort-webgpu', T: 16, d: 64, heads: 4, skipped: 'no adapter' };

describe("a runner's difference from the reference, relative to the output's scale", () => {
  it('divides by the scale, and keeps the absolute difference when the scale is 0', () => {
    expect(relativeDiff(row(3e-7, 0.6))).toBeCloseTo(5e-7, 15);
    expect(relativeDiff(row(2e-6, 0))).toBe(2e-6);
  });

  it('takes the worst measured row; skipped rows and an empty race give 0', () => {
    expect(worstRelativeDiff([row(1e-7, 1), skipped, row(4e-7, 0.5), row(0, 2)])).toBeCloseTo(
      8e-7,
      15,
    );
    expect(worstRelativeDiff([skipped])).toBe(0);
    expect(worstRelativeDiff([])).toBe(0);
  });

  it('is at least every row’s and is one of them', () => {
    const rows = fc.array(
      fc.record({
        diff: fc.double({ min: 0, max: 1, noNaN: true }),
        scale: fc.double({ min: 0, max: 10, noNaN: true }),
      }),
      { minLength: 1 },
    );
    fc.assert(
      fc.property(rows, (rs) => {
        const all = rs.map((r) => row(r.diff, r.scale));
        const worst = worstRelativeDiff(all);
        for (const r of all) expect(worst).toBeGreaterThanOrEqual(relativeDiff(r));
        expect(all.map(relativeDiff)).toContain(worst);
      }),
    );
  });

  it('is within float32 rounding for a real race of the chapter’s classes against the reference', async () => {
    const got: RaceResponse[] = [];
    await runRace(
      {
        kind: 'run',
        sizes: [16],
        d: 64,
        impls: ['wrapper', 'combined-qkv', 'einsum', 'reference'],
      },
      {
        makeRunner: makeLocalRunner,
        reasons: {},
        post: (m) => got.push(m),
        options: { runs: 1, budgetMs: 200 },
      },
    );
    const rows = got.flatMap((m) => (m.kind === 'row' ? [m.row] : []));
    expect(rows).toHaveLength(4);
    expect(rows.every(isMeasured)).toBe(true);
    expect(worstRelativeDiff(rows)).toBeLessThanOrEqual(1e-5);
  });
});
