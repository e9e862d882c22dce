import * as ort from 'onnxruntime-web';
import { describe, expect, it, vi } from 'vitest';
import { buildAttentionGraph, graphKey, graphSpecOf } from '../../src/engine/ort/graph.ts';
import { createOrtAttention } from '../../src/engine/ort/run-ort.ts';
import { SessionCache } from '../../src/engine/ort/session-cache.ts';
import { resolveConfig } from '../../src/engine/resolve-config.ts';
import { forward } from '../../src/engine/run.ts';

// Compiling ORT's WASM takes seconds on a loaded machine; the first run of each file waits for it.
vi.setConfig({ testTimeout: 60_000 });

ort.env.wasm.numThreads = 1;

const specOf = (t: number) =>
  graphSpecOf(
    resolveConfig({ variant: 'v2', embeddings: Array.from({ length: t }, (_, i) => [i, 1]) }),
  );

describe('the session cache', () => {
  it('builds once per graph key and evicts the least recently used', async () => {
    const cache = new SessionCache(ort, { executionProviders: ['wasm'] }, 2);
    let builds = 0;
    const get = (t: number) =>
      cache.get(graphKey(specOf(t)), () => {
        builds++;
        return buildAttentionGraph(specOf(t));
      });
    const first = await get(2);
    expect(await get(2)).toBe(first);
    await get(3);
    await get(2); // 2 is now the most recent
    await get(4); // evicts 3
    expect(cache.size).toBe(2);
    expect(builds).toBe(3);
    await get(3);
    expect(builds).toBe(4);
    await cache.clear();
    expect(cache.size).toBe(0);
  });

  it('forgets a failed creation so the next call can retry', async () => {
    const cache = new SessionCache(ort, { executionProviders: ['wasm'] });
    await expect(cache.get('bad', () => Uint8Array.of(1, 2, 3))).rejects.toThrow();
    expect(cache.size).toBe(0);
  });
});

describe('the ORT runner', () => {
  it('serves overlapping requests one after another, each with its own numbers', async () => {
    const engine = createOrtAttention(ort, { maxSessions: 1 });
    const configs = [
      resolveConfig({ variant: 'mha', seed: 1 }),
      resolveConfig({ variant: 'causal', seed: 2, dropout: 0.5, training: true }),
      resolveConfig({ variant: 'mha', seed: 3 }),
    ];
    const traces = await Promise.all(configs.map((c) => engine.run(c)));
    traces.forEach((trace, i) => {
      const ref = forward(configs[i]);
      expect(trace.config.seed).toBe(configs[i].seed);
      trace.output.data.forEach((v, j) => {
        expect(v).toBeCloseTo(ref.output.data[j], 6);
      });
    });
    await engine.release();
    // Still usable after release: the session is rebuilt.
    expect((await engine.run(configs[0])).output.shape).toEqual([1, 6, 2]);
    await engine.release();
  });
});
