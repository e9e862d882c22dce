import { describe, expect, it } from 'vitest';
import { nodeLabel, pipelineFor, sourcesOfPanel } from '../../src/chapter/pipeline.ts';
import { defaultView } from '../../src/chapter/view.ts';

describe('the step’s pipeline, from the engine’s graph', () => {
  it('§3.6.2: the weight-split module’s ops with the book’s shapes', () => {
    const pipeline = pipelineFor(defaultView('3.6.2'));
    if (!pipeline) throw new Error('3.6.2 asks the engine for a trace');
    const byTensor = new Map(pipeline.filter((n) => n.tensor).map((n) => [n.tensor, n]));
    // b = 2 (the batch of two), 2 heads of width d_out / heads = 1, T = 6.
    expect(byTensor.get('queries')?.shape).toEqual([2, 2, 6, 1]);
    expect(byTensor.get('attn_weights')?.shape).toEqual([2, 2, 6, 6]);
    expect(byTensor.get('context_concat')?.shape).toEqual([2, 6, 2]);
    expect(nodeLabel(byTensor.get('attn_scores') as NonNullable<typeof pipeline>[0])).toBe(
      'attn_scores [2, 2, 6, 6]',
    );
  });

  it('a hovered weight lights what it is computed from, not what comes after it', () => {
    const pipeline = pipelineFor(defaultView('3.6.2')) ?? [];
    const lit = sourcesOfPanel(pipeline, 'attn_weights.h2');
    const names = (t: string) => pipeline.filter((n) => n.tensor === t).map((n) => n.name);
    for (const t of ['attn_weights', 'attn_scores', 'queries', 'keys']) {
      for (const n of names(t)) expect(lit.has(n), t).toBe(true);
    }
    for (const t of ['values', 'context', 'output']) {
      for (const n of names(t)) expect(lit.has(n), t).toBe(false);
    }
    expect(sourcesOfPanel(pipeline, 'dropout_ones').size).toBe(0);
  });

  it('a step that asks the engine for nothing has no pipeline', () => {
    expect(pipelineFor(defaultView('ex3.3'))).toBeNull();
  });
});
