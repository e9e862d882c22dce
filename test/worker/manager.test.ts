import { describe, expect, it } from 'vitest';
import { type Backend, BackendFailure } from '../../src/engine/backends/backend.ts';
import { BackendManager } from '../../src/engine/backends/manager.ts';
import { RECHECK_MS } from '../../src/engine/backends/speed-log.ts';
import { resolveConfig } from '../../src/engine/resolve-config.ts';
import { forward } from '../../src/engine/run.ts';
import type { BackendName } from '../../src/engine/worker/protocol.ts';

const book = resolveConfig({ variant: 'mha' });

/** A backend that computes with the reference engine, or fails once told to. */
function fake(name: BackendName) {
  let failure: string | null = null;
  const backend: Backend & { fail(reason: string): void } = {
    name,
    describe: `fake ${name}`,
    run: async (config) => {
      if (failure) throw new BackendFailure(name, failure);
      return forward(config);
    },
    fail: (reason) => {
      failure = reason;
    },
  };
  return backend;
}

describe('BackendManager', () => {
  it('orders backends WebGPU, then the kernels, then WASM, then the reference engine', async () => {
    const m = new BackendManager();
    expect(m.available()).toEqual(['reference']);
    m.add(fake('wasm'));
    m.add(fake('webgpu'));
    m.add(fake('kernel'));
    expect(m.available()).toEqual(['webgpu', 'kernel', 'wasm', 'reference']);
  });

  /** A manager on a fake clock whose backends take `cost[name]` ms each. */
  function timedManager(cost: Record<BackendName, number>) {
    const clock = { now: 0 };
    const m = new BackendManager(() => clock.now);
    const runs: BackendName[] = [];
    const timed = (b: Backend): Backend => ({
      ...b,
      run: async (c) => {
        clock.now += cost[b.name];
        runs.push(b.name);
        return b.run(c);
      },
    });
    m.add(timed(fake('webgpu')));
    m.add(timed(fake('wasm')));
    m.add(timed(fake('kernel')));
    m.add(timed(m.get('reference') as Backend));
    return { m, clock, runs };
  }

  /** What the idle worker measures, in order, until it has nothing left to measure. */
  async function exploreAll(m: BackendManager): Promise<BackendName[]> {
    const measured: BackendName[] = [];
    for (let name = await m.explore(book); name; name = await m.explore(book)) measured.push(name);
    return measured;
  }

  it('auto answers with the reference engine until others are measured in the background', async () => {
    const { m } = timedManager({ webgpu: 30, kernel: 0.1, wasm: 0.4, reference: 0.2 });
    expect((await m.compute(book, 'auto')).backend).toBe('reference');
    // The idle worker measures each untried backend once, in policy order, and then stops.
    expect(await exploreAll(m)).toEqual(['webgpu', 'kernel', 'wasm']);
    // Every answer from now on is the fastest measured; the slow exploration was never shown.
    for (let i = 0; i < 3; i++) expect((await m.compute(book, 'auto')).backend).toBe('kernel');
    // A much larger input is a new size class: the reference engine answers until it is measured.
    const big = resolveConfig({
      variant: 'mha',
      embeddings: Array.from({ length: 32 }, (_, i) => [i, 1, 2]),
    });
    expect((await m.compute(big, 'auto')).backend).toBe('reference');
  });

  it('re-measures a loser now and then, so one noisy sample does not decide forever', async () => {
    const cost: Record<BackendName, number> = { webgpu: 30, kernel: 50, wasm: 0.4, reference: 0.2 };
    const { m, clock, runs } = timedManager(cost);
    await m.compute(book, 'auto');
    await exploreAll(m);
    // The kernels' one sample was slow (a busy machine): the reference engine answers.
    expect((await m.compute(book, 'auto')).backend).toBe('reference');
    cost.kernel = 0.1;
    // Not yet time to look again: nothing to measure, and no backend runs.
    const before = runs.length;
    expect(await m.explore(book)).toBeNull();
    expect(runs.length).toBe(before);
    clock.now += RECHECK_MS;
    // Each loser is measured again once (stalest first), and the kernels win on a fresh sample.
    const again = await exploreAll(m);
    expect(again).toContain('kernel');
    expect(new Set(again).size).toBe(again.length);
    expect((await m.compute(book, 'auto')).backend).toBe('kernel');
  });

  it('stops re-measuring a clear loser once a second sample confirms it', async () => {
    const { m, clock } = timedManager({ webgpu: 30, kernel: 0.1, wasm: 0.3, reference: 0.2 });
    await m.compute(book, 'auto');
    await exploreAll(m);
    const rounds: BackendName[][] = [];
    for (let round = 0; round < 3; round++) {
      clock.now += RECHECK_MS;
      rounds.push((await exploreAll(m)).sort());
    }
    // WebGPU (300× slower) gets one more chance; WASM and the reference engine, close behind
    // the kernels, are looked at every time.
    expect(rounds).toEqual([
      ['reference', 'wasm', 'webgpu'],
      ['reference', 'wasm'],
      ['reference', 'wasm'],
    ]);
    expect((await m.compute(book, 'auto')).backend).toBe('kernel');
  });

  it('never offers a backend for a config it does not support', async () => {
    const m = new BackendManager();
    const picky = { ...fake('kernel'), supports: () => false };
    m.add(picky);
    expect(m.pick('kernel', book)).toBe('reference');
    expect((await m.compute(book, 'auto')).backend).toBe('reference');
    expect(await m.explore(book)).toBeNull();
  });

  it('honours a forced backend, and falls back by the policy when it is missing', async () => {
    const m = new BackendManager();
    m.add(fake('wasm'));
    expect((await m.compute(book, 'reference')).backend).toBe('reference');
    expect((await m.compute(book, 'webgpu')).backend).toBe('wasm');
  });

  it('drops a backend that fails mid-session, records why, and answers the same request', async () => {
    const m = new BackendManager();
    const gpu = fake('webgpu');
    m.add(fake('wasm'));
    m.add(gpu);
    const before = await m.compute(book, 'webgpu');
    expect(before.backend).toBe('webgpu');
    gpu.fail('device lost (destroyed)');
    const after = await m.compute(book, 'webgpu');
    expect(after.backend).toBe('wasm');
    expect(Array.from(after.trace.output.data)).toEqual(Array.from(before.trace.output.data));
    expect(m.fallbacks).toEqual([
      { backend: 'webgpu', reason: 'webgpu: device lost (destroyed) (fell back)' },
    ]);
    expect(m.available()).toEqual(['wasm', 'reference']);
  });

  it('records backends that never came up, and labels what it computes with', async () => {
    const m = new BackendManager();
    m.unavailable('webgpu', 'webgpu: no adapter (navigator.gpu.requestAdapter() returned null)');
    expect(m.fallbacks[0].reason).toMatch(/no adapter/);
    expect((await m.compute(book, 'webgpu')).label).toBe('reference TypeScript engine');
  });
});
