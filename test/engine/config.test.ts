import { describe, expect, it } from 'vitest';
import { ConfigError, LIMITS, resolveConfig, runAttention } from '../../src/engine/index.ts';

function fieldOf(input: unknown): string {
  try {
    resolveConfig(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).field;
  }
  throw new Error('expected a ConfigError');
}

describe('config validation names the wrong field', () => {
  it.each([
    ['d_out not divisible by num_heads', { variant: 'mha', d_out: 5, num_heads: 2 }, 'num_heads'],
    ['ragged embeddings', { embeddings: [[1, 2], [3]] }, 'embeddings'],
    ['empty embeddings', { embeddings: [] }, 'embeddings'],
    ['an empty row', { embeddings: [[]] }, 'embeddings'],
    ['NaN in embeddings', { embeddings: [[1, Number.NaN]] }, 'embeddings'],
    ['a string in embeddings', { embeddings: [[1, '2']] }, 'embeddings'],
    ['huge values', { embeddings: [[1e308]] }, 'embeddings'],
    ['dropout of 1', { dropout: 1 }, 'dropout'],
    ['negative dropout', { dropout: -0.1 }, 'dropout'],
    [
      'too many tokens',
      { embeddings: Array.from({ length: LIMITS.maxTokens + 1 }, () => [1]) },
      'embeddings',
    ],
    ['too many heads', { variant: 'mha', num_heads: LIMITS.maxHeads + 1, d_out: 65 }, 'num_heads'],
    ['a fractional d_out', { d_out: 1.5 }, 'd_out'],
    ['a negative seed', { seed: -1 }, 'seed'],
    ['an unknown variant', { variant: 'flash' }, 'variant'],
    ['an unknown field', { heads: 2 }, 'heads'],
    ['tokens that do not match the rows', { tokens: ['a'], embeddings: [[1], [2]] }, 'tokens'],
    ['a non-boolean flag', { causal: 'yes' }, 'causal'],
    ['an unknown softmax', { softmax: 'fast' }, 'softmax'],
    ['a batch too large', { batch: LIMITS.maxBatch + 1 }, 'batch'],
  ])('%s', (_, input, field) => {
    expect(fieldOf(input)).toBe(field);
  });

  it('explains the problem in the message', () => {
    expect(() => resolveConfig({ variant: 'mha', d_out: 5, num_heads: 2 })).toThrow(
      'num_heads: d_out (5) must be divisible by num_heads (2)',
    );
    expect(() => resolveConfig({ embeddings: [[1, 2], [3]] })).toThrow(
      /row 1 has 1 values, row 0 has 2/,
    );
  });

  it("fills the oracle's defaults", () => {
    expect(resolveConfig({})).toMatchObject({
      variant: 'mha',
      seed: 123,
      d_out: 2,
      num_heads: 2,
      causal: true,
    });
    expect(resolveConfig({ variant: 'v2', num_heads: 4 }).num_heads).toBe(1);
    expect(resolveConfig({ variant: 'simple' }).scaled).toBe(false);
  });
});

describe('naive softmax', () => {
  it('agrees with the stable one on small scores', () => {
    const stable = runAttention({ variant: 'simple' }).attn_weights.data;
    const naive = runAttention({ variant: 'simple', softmax: 'naive' }).attn_weights.data;
    stable.forEach((w, i) => {
      expect(naive[i]).toBeCloseTo(w, 6);
    });
  });

  it('overflows where the stable one does not (the lesson)', () => {
    const big = { variant: 'simple' as const, embeddings: [[10], [9.5]] }; // scores up to 100
    expect(Array.from(runAttention(big).attn_weights.data).every(Number.isFinite)).toBe(true);
    expect(
      Array.from(runAttention({ ...big, softmax: 'naive' }).attn_weights.data).some(Number.isNaN),
    ).toBe(true);
  });
});
