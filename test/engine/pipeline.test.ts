import { describe, expect, it } from 'vitest';
import { describePipeline, resolveConfig, sourcesOf } from '../../src/engine/index.ts';

describe('the pipeline description the page draws', () => {
  it("lists mha's ops in order with live shapes and their inputs", () => {
    const pipeline = describePipeline(resolveConfig({ variant: 'mha', d_out: 4, batch: 2 }));
    const ops = pipeline.filter((n) => n.op !== 'param' && n.op !== 'input');
    expect(ops.map((n) => `${n.name}:${n.op}:${n.shape.join('x')}`)).toEqual([
      'W_query(x):linear:2x6x4',
      'queries:split_heads:2x2x6x2',
      'W_key(x):linear:2x6x4',
      'keys:split_heads:2x2x6x2',
      'W_value(x):linear:2x6x4',
      'values:split_heads:2x2x6x2',
      'attn_scores:matmul_qk:2x2x6x6',
      'masked_scores:mask:2x2x6x6',
      'scaled_scores:scale:2x2x6x6',
      'attn_weights:softmax:2x2x6x6',
      'context:matmul_wv:2x2x6x2',
      'context_concat:merge_heads:2x6x4',
      'output:linear:2x6x4',
    ]);
    expect(pipeline.find((n) => n.name === 'attn_weights')?.tensor).toBe('attn_weights');
    expect(pipeline.find((n) => n.name === 'output')?.inputs).toEqual([
      'context_concat',
      'out_proj',
      'out_proj.bias',
    ]);
  });

  it('traces a tensor back to what it comes from', () => {
    const pipeline = describePipeline(resolveConfig({ variant: 'causal' }));
    const from = sourcesOf(pipeline, 'attn_scores');
    expect([...from].sort()).toEqual(
      ['attn_scores', 'queries', 'keys', 'W_query(x)', 'W_key(x)', 'W_query', 'W_key', 'x'].sort(),
    );
    expect(from.has('values')).toBe(false);
  });

  it('shows grouped keys repeated for the query heads', () => {
    const pipeline = describePipeline(
      resolveConfig({ variant: 'gqa', num_heads: 4, d_out: 8, num_kv_groups: 2 }),
    );
    const keys = pipeline.find((n) => n.name === 'keys');
    const repeated = pipeline.find((n) => n.name === 'keys_repeated');
    expect(keys?.shape).toEqual([1, 2, 6, 2]);
    expect(repeated?.op).toBe('repeat_kv');
    expect(repeated?.shape).toEqual([1, 4, 6, 2]);
  });
});
