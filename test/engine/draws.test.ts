import { describe, expect, it } from 'vitest';
import { drawModel, resolveConfig } from '../../src/engine/index.ts';

describe('drawModel keeps recent draws', () => {
  it('reuses the weights when only the embeddings change', () => {
    const a = drawModel(resolveConfig({ variant: 'mha' }));
    const b = drawModel(
      resolveConfig({
        variant: 'mha',
        embeddings: [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
      }),
    );
    const c = drawModel(resolveConfig({ variant: 'mha', seed: 124 }));
    expect(b.params).toBe(
      drawModel(
        resolveConfig({
          variant: 'mha',
          embeddings: [
            [0, 0, 0],
            [1, 1, 1],
            [2, 2, 2],
          ],
        }),
      ).params,
    );
    expect(a.params.named.W_query.data).toEqual(b.params.named.W_query.data); // T is not part of the weights
    expect(c.params.named.W_query.data).not.toEqual(a.params.named.W_query.data);
  });

  it('hands out a fresh dropout mask each time (the worker transfers it away)', () => {
    const config = resolveConfig({ variant: 'causal', dropout: 0.5, training: true });
    const first = drawModel(config).dropoutMask as Float32Array;
    const second = drawModel(config).dropoutMask as Float32Array;
    expect(second).not.toBe(first);
    expect(Array.from(second)).toEqual(Array.from(first));
    first.fill(7);
    expect(Array.from(drawModel(config).dropoutMask as Float32Array)).toEqual(Array.from(second));
  });
});
