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
  it('prefers WebGPU, then WASM, then the reference engine', async () => {
    const m = new BackendManager();
    expect((await m.compute(book, 'auto')).backend).toBe('reference');
    m.add(fake('wasm'));
    expect((await m.compute(book, 'auto')).backend).toBe('wasm');
    m.add(fake('webgpu'));
    expect(m.available()).toEqual(['webgpu', 'wasm', 'reference']);
    expect((await m.compute(book, 'auto')).backend).toBe('webgpu');
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
    const before = await m.compute(book, 'auto');
    gpu.fail('device lost (destroyed)');
    const after = await m.compute(book, 'auto');
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
