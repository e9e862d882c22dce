import { describe, expect, it } from 'vitest';
import { flopsOf } from '../../src/bench/cases.ts';
import { clampImpls, clampSizes, clampWidth, RACE_INITIAL } from '../../src/race/local.ts';
import { isMeasured, type RaceResponse, type RaceRow } from '../../src/race/protocol.ts';
import { makeLocalRunner } from '../../src/race/runners.ts';
import { runRace } from '../../src/race/session.ts';
import { benchCaseOf } from '../../src/race/sizes.ts';
import { markdownTable } from '../../src/race/table.ts';

describe('a race', () => {
  it('measures every runner at every size against the reference, and says why one cannot run', async () => {
    const got: RaceResponse[] = [];
    await runRace(
      {
        kind: 'run',
        sizes: [32, 16],
        d: 64,
        impls: ['wrapper', 'einsum', 'reference', 'ort-wasm'],
      },
      {
        makeRunner: makeLocalRunner,
        reasons: { 'ort-wasm': 'not in Node' },
        post: (m) => got.push(m),
        options: { runs: 2, budgetMs: 1000 },
      },
    );
    expect(got[0]).toEqual({ kind: 'started', total: 8 });
    expect(got.at(-1)).toEqual({ kind: 'done' });
    const rows = got.flatMap((m) => (m.kind === 'row' ? [m.row] : []));
    expect(rows.map((r) => `${r.impl}@${r.T}`)).toEqual([
      'wrapper@16',
      'einsum@16',
      'reference@16',
      'ort-wasm@16',
      'wrapper@32',
      'einsum@32',
      'reference@32',
      'ort-wasm@32',
    ]);
    expect(rows.filter((r) => r.impl === 'ort-wasm').every((r) => !isMeasured(r))).toBe(true);
    for (const r of rows.filter(isMeasured)) {
      expect(r.heads).toBe(4);
      expect(r.max_abs_diff).toBeLessThanOrEqual(1e-5 * r.scale);
      expect(r.scale).toBeGreaterThan(0);
      expect(r.runs).toBeGreaterThanOrEqual(1);
      expect(r.gflops).toBeCloseTo(flopsOf(benchCaseOf(r)) / r.median_ms / 1e6, 6);
    }
    expect(rows.find((r) => r.impl === 'reference' && isMeasured(r))).toMatchObject({
      max_abs_diff: 0,
    });
  });

  it('skips a runner whose next size is predicted past the limit, with the estimate', async () => {
    let clock = 0;
    const slow = async () => ({
      run: async () => {
        clock += 3000; // every pass "takes" 3 s on this clock
        return new Float32Array(16 * 64);
      },
      release: async () => {},
    });
    const got: RaceResponse[] = [];
    const realNow = performance.now;
    performance.now = () => clock;
    try {
      await runRace(
        { kind: 'run', sizes: [16, 64], d: 64, impls: ['einsum'] },
        {
          makeRunner: slow,
          reasons: {},
          post: (m) => got.push(m),
          options: { runs: 3, budgetMs: 1 },
        },
      );
    } finally {
      performance.now = realNow;
    }
    const rows = got.flatMap((m) => (m.kind === 'row' ? [m.row] : []));
    expect(rows[0]).toMatchObject({ impl: 'einsum', T: 16, median_ms: 3000, runs: 1 });
    expect(rows[1]).toMatchObject({ impl: 'einsum', T: 64 });
    expect((rows[1] as { skipped: string }).skipped).toMatch(/would take about \d+ s per pass/);
  });
});

describe('flop counts', () => {
  it('count the four d×d projections and the two T×T products per head, dense', () => {
    // GPT-2 small at T = 1024: 4·2·1024·768² + 2·2·1024²·768.
    expect(flopsOf(benchCaseOf({ T: 1024, d: 768, heads: 12 }))).toBe(
      4 * 2 * 1024 * 768 * 768 + 2 * 2 * 1024 * 1024 * 768,
    );
    // Per head: q·kᵀ and weights·v each 2·T²·hd, times 12 heads = 2·T²·d: heads do not change it.
    const a = flopsOf(benchCaseOf({ T: 64, d: 768, heads: 12 }));
    const b = flopsOf(benchCaseOf({ T: 64, d: 768, heads: 1 }));
    expect(a).toBe(b);
    expect(a).toBe(4 * 2 * 64 * 768 ** 2 + 4 * 64 ** 2 * 768);
  });
});

describe('the step’s link fields', () => {
  it('keep the known sizes, the nearest width and the known runners', () => {
    expect(clampSizes([1024, 7, 16, 16])).toEqual([16, 1024]);
    expect(clampSizes([3])).toBeNull();
    expect(clampWidth(700)).toBe(768);
    expect(clampWidth(100)).toBe(64);
    expect(clampWidth('x')).toBeNull();
    expect(clampImpls(['einsum', 'nope', 'wrapper'])).toEqual(['wrapper', 'einsum']);
    expect(RACE_INITIAL.sizes).toEqual([64, 128, 256]);
  });
});

describe('the copied table', () => {
  it('is Markdown with one line per result, skipped ones with their reason', () => {
    const rows: RaceRow[] = [
      {
        impl: 'einsum',
        T: 64,
        d: 768,
        heads: 12,
        median_ms: 812.4,
        runs: 2,
        max_abs_diff: 2.4e-7,
        scale: 1.2,
        gflops: 0.5,
      },
      { impl: 'ort-webgpu', T: 64, d: 768, heads: 12, skipped: 'no adapter' },
    ];
    expect(markdownTable(rows, 50).split('\n')).toEqual([
      '| implementation | T | d | ms per pass | runs | max \\|Δ\\| | max \\|Δ\\| / scale | GFLOP/s | % of peak |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| einsum loops | 64 | 768 | 812 | 2 | 2.4e-7 | 2.0e-7 | 0.500 | 1 % |',
      '| ORT webgpu | 64 | 768 | no adapter |  |  |  |  |  |',
    ]);
  });
});
