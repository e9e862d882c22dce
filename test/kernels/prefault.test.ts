import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gpt2Weights } from '../../src/gpt2/embeddings.ts';
import { KernelLayer } from '../../src/gpt2/kernel-layer.ts';
import { EMB_DIM } from '../../src/gpt2/sizes.ts';
import { prefault } from '../../src/kernels/prefault.ts';
import type { Team } from '../../src/kernels/team.ts';
import { nodeTeam } from './node-team.ts';

describe('prefault: touching pages ahead of a pass', () => {
  it('never changes a value, whatever the range', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(4 * 65536), fc.nat(4 * 65536), (seed, a, b) => {
        const memory = new WebAssembly.Memory({ initial: 4, maximum: 8, shared: true });
        const words = new Int32Array(memory.buffer);
        // Pseudo-random words, with runs of zeros (the values a compare-exchange of 0 meets).
        let x = seed | 1;
        for (let i = 0; i < words.length; i++) {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          words[i] = (i >> 9) % 3 === 0 ? 0 : x;
        }
        const before = words.slice();
        prefault(memory, Math.min(a, b), Math.max(a, b));
        expect(words.findIndex((w, i) => w !== before[i])).toBe(-1);
      }),
      { numRuns: 40 },
    );
  });
});

describe('KernelLayer.reserve (the memory of a first pass made ready ahead)', () => {
  let team: Team;
  const touched: [number, number][] = [];
  beforeAll(async () => {
    team = await nodeTeam('plain', 2);
  });
  afterAll(() => team.stop());

  it('touches the memory a pass of that many tokens lays out; the pass is bit for bit the same', async () => {
    const w = new Gpt2Weights(123);
    const ids = Array.from({ length: 40 }, (_, i) => (i * 977) % 50257);
    const x = w.input(ids);
    const plainLayer = new KernelLayer(await nodeTeam('plain', 2));
    const want = plainLayer.run(x, ids.length, w.attention());
    const layer = new KernelLayer(team, async (from, to) => {
      touched.push([from, to]);
      prefault(team.memory, from, to);
    });
    await layer.reserve(ids.length);
    expect(touched).toHaveLength(1);
    const [from, to] = touched[0];
    expect(from).toBe(0);
    // The memory holds at least the pass's 12 heads' scores and weights, [T, T] each.
    expect(to).toBeGreaterThan(2 * 12 * ids.length ** 2 * 4 + 5 * ids.length * EMB_DIM * 4);
    expect(team.memory.buffer.byteLength).toBeGreaterThanOrEqual(to);
    const got = layer.run(x, ids.length, w.attention());
    for (const key of ['attn_weights', 'context_vecs'] as const)
      expect(new Uint32Array(got[key].slice().buffer)).toEqual(
        new Uint32Array(want[key].slice().buffer),
      );
    // A pass is live now: a reserve would move its views, so it does nothing.
    await layer.reserve(80);
    expect(touched).toHaveLength(1);
  });
});
