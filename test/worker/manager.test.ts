import { describe, expect, it } from 'vitest';
import { type Backend, BackendFailure } from '../../src/engine/backends/backend.ts';
import { BackendManager } from '../../src/engine/backends/manager.ts';
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
  it('orders backends WebGPU, then WASM, then the reference engine', async () => {
    const m = new BackendManager();
    expect(m.available()).toEqual(['reference']);
    m.add(fake('wasm'));
    m.add(fake('webgpu'));
    expect(m.available()).toEqual(['webgpu', 'wasm', 'reference']);
  });

  it('auto tries each backend once per size class, then keeps the fastest', async () => {
    let clock = 0;
    const cost: Record<BackendName, number> = { webgpu: 30, wasm: 0.4, reference: 0.2 };
    const m = new BackendManager(() => clock);
    /** The backend, taking `cost[name]` ms on the fake clock. */
    const timed = (b: Backend): Backend => ({
      ...b,
      run: async (c) => {
        clock += cost[b.name];
        return b.run(c);
      },
    });
    m.add(timed(fake('webgpu')));
    m.add(timed(fake('wasm')));
    m.add(timed(m.get('reference') as Backend));
    const picks = [];
    for (let i = 0; i < 5; i++) picks.push((await m.compute(book, 'auto')).backend);
    expect(picks).toEqual(['webgpu', 'wasm', 'reference', 'reference', 'reference']);
    // a much larger input is a new size class: measured afresh, and there WASM wins
    cost.reference = 50;
    const big = resolveConfig({
      variant: 'mha',
      embeddings: Array.from({ length: 32 }, (_, i) => [i, 1, 2]),
    });
    const bigPicks = [];
    for (let i = 0; i < 4; i++) bigPicks.push((await m.compute(big, 'auto')).backend);
    expect(bigPicks).toEqual(['webgpu', 'wasm', 'reference', 'wasm']);
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
