import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockCausal } from '../../src/engine/graph/blocked.ts';
import { buildGraph } from '../../src/engine/graph/build.ts';
import { execute } from '../../src/engine/graph/execute.ts';
import { drawModel, resolveConfig } from '../../src/engine/index.ts';
import { blockSizes } from '../../src/engine/ort/fast-graph.ts';
import { feedsOf } from '../../src/engine/run.ts';

describe('the blocked-causal rewrite of the graph', () => {
  it('computes the same output, bit for bit, on the reference executor', () => {
    const arb = fc.record({
      variant: fc.constantFrom('mha', 'gqa'),
      t: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 4 }),
      heads: fc.constantFrom(1, 2, 4),
      hd: fc.integer({ min: 1, max: 3 }),
      blocks: fc.integer({ min: 1, max: 12 }),
      bias: fc.boolean(),
      seed: fc.integer({ min: 0, max: 1000 }),
      batch: fc.integer({ min: 1, max: 2 }),
    });
    fc.assert(
      fc.property(arb, (c) => {
        const config = resolveConfig({
          variant: c.variant,
          embeddings: Array.from({ length: c.t }, (_, i) =>
            Array.from({ length: c.d }, (_, j) => Math.sin(i * 7 + j + c.seed)),
          ),
          num_heads: c.heads,
          d_out: c.heads * c.hd,
          qkv_bias: c.bias,
          seed: c.seed,
          batch: c.batch,
        });
        const graph = buildGraph(config);
        const blocked = blockCausal(graph, blockSizes(c.t, c.blocks));
        const feeds = feedsOf(config, drawModel(config).params, null);
        const want = execute(graph, feeds).get('output') as Float32Array;
        const got = execute(blocked, feeds).get('output') as Float32Array;
        expect(Array.from(got)).toEqual(Array.from(want));
        // Fewer scores: block [s, e) computes rows × e of them instead of rows × T.
        const scores = blocked.nodes.filter((n) => n.op === 'matmul_qk');
        const computed = scores.reduce((n, s) => n + s.shape[2] * s.shape[3], 0);
        expect(computed).toBeLessThanOrEqual(c.t * c.t);
      }),
    );
  });

  it('refuses a graph it cannot block (not causal)', () => {
    const config = resolveConfig({ variant: 'mha', causal: false });
    expect(() => blockCausal(buildGraph(config), [3, 3])).toThrow(/causal/);
  });
});
