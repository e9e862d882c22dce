import { describe, expect, it } from 'vitest';
import { runAttention } from '../../src/engine/run.ts';
import type { JsonValue } from '../../src/engine/trace-json.ts';
import book from '../fixtures/book.json' with { type: 'json' };
import { BOOK_PRINTED } from '../fixtures/book-printed.ts';
import { expectTraceMatches } from './oracle-match.ts';

type OracleTrace = Record<string, JsonValue> & { config: Record<string, JsonValue> };
const traces = book.book as unknown as OracleTrace[];

const label = (t: OracleTrace) => {
  const c = t.config;
  return `${c.variant} seed ${c.seed}${c.training ? `, dropout ${c.dropout} training` : ''}${
    (c.batch as number) > 1 ? `, batch ${c.batch}` : ''
  }`;
};

describe("the book's traces (PyTorch, ../shared/oracle/book.json)", () => {
  it.each(traces.map((t) => [label(t), t] as const))('%s', (_, oracle) => {
    expectTraceMatches(runAttention(oracle.config), oracle);
  });

  it('prints what the book prints', () => {
    const simple = runAttention({ variant: 'simple' });
    // ω row of "journey" after softmax: the book's 0.1385 0.2379 0.2333 0.1240 0.1082 0.1581
    const row = Array.from(simple.attn_weights.data.subarray(6, 12)).map((x) => x.toFixed(4));
    expect(row).toEqual(BOOK_PRINTED.journeyWeights);
    const v2 = runAttention({ variant: 'v2', seed: 789 });
    expect(Array.from(v2.output.data.subarray(0, 2)).map((x) => x.toFixed(4))).toEqual(
      BOOK_PRINTED.v2FirstOutput,
    );
    expect(Array.from(v2.attn_weights.data.subarray(0, 6)).map((x) => x.toFixed(4))).toEqual(
      BOOK_PRINTED.v2FirstWeights,
    );
    const v1 = runAttention({ variant: 'v1' });
    // q⁽²⁾ = x⁽²⁾ @ W_query = [0.4306, 1.4551]
    expect(Array.from(v1.queries.data.subarray(2, 4)).map((x) => x.toFixed(4))).toEqual(
      BOOK_PRINTED.journeyQuery,
    );
  });
});
