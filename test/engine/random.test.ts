import { describe, it } from 'vitest';
import { runAttention } from '../../src/engine/run.ts';
import type { JsonValue } from '../../src/engine/trace-json.ts';
import fixtures from '../fixtures/random-traces.json' with { type: 'json' };
import { expectTraceMatches, sumOrderTolerance } from './oracle-match.ts';

type OracleTrace = Record<string, JsonValue> & { config: Record<string, JsonValue> };
const traces = fixtures as unknown as OracleTrace[];

const numbers = (x: JsonValue): number[] =>
  Array.isArray(x) ? x.flatMap(numbers) : typeof x === 'number' ? [x] : [];
const maxAbs = (xs: number[]) => xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

/**
 * PyTorch sums in float32 in its own order; we sum in float64 and round once. Both are within a
 * few float32 ulps of the exact value: 1e-6 relative, which book-sized inputs keep at 1e-6.
 */
function tolerance(oracle: OracleTrace) {
  const scaledScores = maxAbs(numbers(oracle.attn_scores)) * (oracle.scale as number);
  return (name: string, expected: number[]) =>
    sumOrderTolerance(1e-6, name, maxAbs(expected), scaledScores);
}

const label = (t: OracleTrace, i: number) => {
  const c = t.config;
  const x = c.embeddings as number[][];
  return `#${i} ${c.variant} seed=${c.seed} T=${x.length} d_in=${x[0].length} d_out=${c.d_out} heads=${c.num_heads}${
    c.qkv_bias ? ' bias' : ''
  }${c.causal ? ' causal' : ''}${c.training ? ` dropout=${c.dropout}` : ''} batch=${c.batch}`;
};

describe(`${traces.length} randomized configs against PyTorch (test/fixtures/random-traces.json)`, () => {
  it.each(traces.map((t, i) => [label(t, i), t] as const))('%s', (_, oracle) => {
    expectTraceMatches(runAttention(oracle.config), oracle, tolerance(oracle));
  });
});
