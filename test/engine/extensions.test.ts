import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../src/engine/index.ts';
import { runAttention } from '../../src/engine/run.ts';
import { type JsonValue, traceToJson } from '../../src/engine/trace-json.ts';
import fixtures from '../fixtures/extension-traces.json' with { type: 'json' };
import { expectSameAsOracle, scaleOf } from './near-oracle.ts';

type OracleTrace = Record<string, JsonValue> & { config: Record<string, JsonValue> };
const traces = fixtures as unknown as OracleTrace[];

const label = (t: OracleTrace, i: number) => {
  const c = t.config;
  const x = c.embeddings as unknown[][];
  return `#${i} ${c.variant}${c.num_kv_groups ? ` groups=${c.num_kv_groups}/${c.num_heads}` : ''}${
    Array.isArray(x[0][0]) ? ' 3-D' : ''
  }${c.attention_mask ? ` mask fill=${c.mask_fill}` : ''}${
    c.kv_cache ? ` kv_cache=${JSON.stringify(c.kv_cache)}` : ''
  } batch=${c.batch}`;
};

describe(`gqa, padding masks, 3-D embeddings and the KV cache against PyTorch (${traces.length} configs)`, () => {
  it.each(traces.map((t, i) => [label(t, i), t] as const))('%s', (_, oracle) => {
    // Tensors within 1e-5 of their scale; parameters and dropout masks exact; −∞ and NaN in place.
    const exact = new Set(['params', 'dropout_mask']);
    expectSameAsOracle(traceToJson(runAttention(oracle.config)), oracle, (key, _n, want) =>
      exact.has(key) ? 0 : 1e-5 * Math.max(1, scaleOf(want)),
    );
  });
});

describe('the KV cache', () => {
  it('gives the full causal pass, token by token', () => {
    const trace = runAttention({
      variant: 'gqa',
      num_heads: 4,
      d_out: 8,
      num_kv_groups: 2,
      kv_cache: { prefill: 2 },
    });
    const cached = trace.cached;
    expect(cached?.keys.shape).toEqual([1, 2, 6, 2]);
    expect(Array.from(cached?.keys.data ?? [])).toEqual(Array.from(trace.keys.data));
    const full = trace.output.data;
    (cached?.output.data ?? []).forEach((v, i) => {
      expect(Math.abs(v - full[i])).toBeLessThanOrEqual(1e-6);
    });
  });
});

describe('the new fields are validated, naming the field', () => {
  const fieldOf = (input: unknown) => {
    try {
      resolveConfig(input);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as ConfigError).field;
    }
    return null;
  };
  it.each([
    [
      'num_kv_groups not dividing the heads',
      { variant: 'gqa', num_heads: 4, d_out: 8, num_kv_groups: 3 },
      'num_kv_groups',
    ],
    ['num_kv_groups on mha', { variant: 'mha', num_kv_groups: 1 }, 'num_kv_groups'],
    ['a mask of the wrong length', { attention_mask: [[1, 1, 1]] }, 'attention_mask'],
    ['a mask with a 2', { attention_mask: [[1, 1, 1, 1, 1, 2]] }, 'attention_mask'],
    [
      'one mask row for a batch of 2',
      { batch: 2, attention_mask: [[1, 1, 1, 1, 1, 1]] },
      'attention_mask',
    ],
    ['an unknown fill', { attention_mask: [[1, 1, 1, 1, 1, 1]], mask_fill: 'zero' }, 'mask_fill'],
    [
      'kv_cache with dropout',
      { kv_cache: { prefill: 1 }, dropout: 0.5, training: true },
      'kv_cache',
    ],
    ['kv_cache without the causal mask', { kv_cache: { prefill: 1 }, causal: false }, 'kv_cache'],
    ['kv_cache on the wrapper', { variant: 'mha_wrapper', kv_cache: { prefill: 1 } }, 'kv_cache'],
    ['a prefill past T', { kv_cache: { prefill: 7 } }, 'kv_cache'],
    ['a target of the wrong width', { target: [[[0], [0], [0], [0], [0], [0]]] }, 'target'],
    ['train without a target', { train: { steps: 1, lr: 0.1 } }, 'train'],
    [
      'an unknown optimizer',
      { target: [Array(6).fill([0, 0])], train: { steps: 1, lr: 0.1, optimizer: 'adam' } },
      'train',
    ],
    [
      'a negative learning rate',
      { target: [Array(6).fill([0, 0])], train: { steps: 1, lr: -1 } },
      'train',
    ],
    [
      'ragged 3-D embeddings',
      {
        embeddings: [
          [[1, 2]],
          [
            [1, 2],
            [3, 4],
          ],
        ],
      },
      'embeddings',
    ],
    ['batch against 3-D embeddings', { embeddings: [[[1, 2]], [[3, 4]]], batch: 3 }, 'batch'],
  ])('%s', (_, input, field) => {
    expect(fieldOf(input)).toBe(field);
  });
});
