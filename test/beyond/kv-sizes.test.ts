import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attentionParams,
  divisors,
  formatBytes,
  kvCacheBytes,
  kvCacheBytesPerToken,
  kvGroupOf,
  kvSharingWords,
  modelAttentionParams,
  sharingVariants,
} from '../../src/chapter/beyond/kv-sizes.ts';
import { GPT2_SMALL, LLAMA3_8B } from '../../src/chapter/beyond/models.ts';
import { runAttention } from '../../src/engine/index.ts';

describe('parameter counts', () => {
  it('GPT-2 small: c_attn 768×2304 + 2304 and c_proj 768×768 + 768 per layer, 12 layers', () => {
    expect(attentionParams(GPT2_SMALL)).toBe(768 * 2304 + 2304 + 768 * 768 + 768);
    expect(attentionParams(GPT2_SMALL)).toBe(2_362_368);
    expect(modelAttentionParams(GPT2_SMALL)).toBe(28_348_416);
  });

  it('Llama-3-8B: q and o 4096×4096, k and v 4096×1024, no biases, 32 layers', () => {
    expect(attentionParams(LLAMA3_8B)).toBe(41_943_040);
    expect(modelAttentionParams(LLAMA3_8B)).toBe(1_342_177_280);
  });

  it('equals the number of weights the engine draws for gqa (rasbt’s class: no out_proj bias)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 4),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.integer({ min: 2, max: 4 }),
        (heads, perHead, bias, dIn) => {
          for (const groups of divisors(heads)) {
            const d_out = heads * perHead;
            const embeddings = [Array.from({ length: dIn }, (_, i) => i / 10)];
            const trace = runAttention({
              variant: 'gqa',
              tokens: ['a'],
              embeddings,
              d_out,
              num_heads: heads,
              num_kv_groups: groups,
              qkv_bias: bias,
            });
            const drawn = Object.values(trace.params).reduce((n, p) => n + p.data.length, 0);
            const counted = attentionParams({
              d_in: dIn,
              d_model: d_out,
              num_heads: heads,
              num_kv_groups: groups,
              qkv_bias: bias,
              out_bias: false,
            });
            expect(counted).toBe(drawn);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('KV-cache bytes', () => {
  it('per token: K and V × layers × kv heads × head_dim × 2 bytes', () => {
    expect(kvCacheBytesPerToken(GPT2_SMALL)).toBe(36_864);
    expect(kvCacheBytesPerToken(LLAMA3_8B)).toBe(131_072);
    // Llama-3-8B at its 8,192-token context: 1 GiB for one sequence.
    expect(kvCacheBytes(LLAMA3_8B, 8192)).toBe(2 ** 30);
  });

  it('MHA / GQA / MQA of the same model scale with the number of K/V heads', () => {
    const [mha, gqa, mqa] = sharingVariants(LLAMA3_8B, 8).map((v) => kvCacheBytesPerToken(v.shape));
    expect([mha, gqa, mqa]).toEqual([524_288, 131_072, 16_384]);
    const params = sharingVariants(LLAMA3_8B, 8).map((v) => attentionParams(v.shape));
    expect(params).toEqual([67_108_864, 41_943_040, 34_603_008]);
  });

  it('formats bytes in binary units', () => {
    expect(formatBytes(36_864)).toBe('36 KiB');
    expect(formatBytes(2 ** 30)).toBe('1 GiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(40)).toBe('40 B');
  });
});

describe('which K/V head serves which query head', () => {
  it('consecutive query heads share, as repeat_interleave lays them out', () => {
    expect([0, 1, 2, 3].map((h) => kvGroupOf(h, 4, 2))).toEqual([0, 0, 1, 1]);
    expect([0, 1, 2, 3].map((h) => kvGroupOf(h, 4, 1))).toEqual([0, 0, 0, 0]);
    expect([0, 1, 2, 3].map((h) => kvGroupOf(h, 4, 4))).toEqual([0, 1, 2, 3]);
    expect(divisors(12)).toEqual([1, 2, 3, 4, 6, 12]);
  });

  it('the engine’s gqa weights: query heads of one group see the same keys', () => {
    const trace = runAttention({ variant: 'gqa', d_out: 8, num_heads: 4, num_kv_groups: 2 });
    expect(trace.keys.shape).toEqual([1, 2, 6, 2]);
    expect(trace.attn_scores.shape).toEqual([1, 4, 6, 6]);
  });
});

describe('kvSharingWords: who reads which K/V head, in words', () => {
  it('consecutive query heads share, as repeat_interleave hands them out', () => {
    expect(kvSharingWords(4, 2)).toBe(
      'K/V head 1 serves query heads 1, 2; K/V head 2 serves query heads 3, 4',
    );
    expect(kvSharingWords(2, 2)).toBe(
      'K/V head 1 serves query head 1; K/V head 2 serves query head 2',
    );
    expect(kvSharingWords(3, 1)).toBe('K/V head 1 serves query heads 1, 2, 3');
  });
});
