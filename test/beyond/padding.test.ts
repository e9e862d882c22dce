import { describe, expect, it } from 'vitest';
import {
  blindRows,
  causalHidden,
  combinedHidden,
  leftPad,
  PAD_TOKEN,
  paddingHidden,
  paddingLeak,
} from '../../src/chapter/beyond/padding.ts';
import { runAttention } from '../../src/engine/index.ts';

const sentences = [
  {
    tokens: ['Your', 'journey', 'starts'],
    embeddings: [
      [0.43, 0.15, 0.89],
      [0.55, 0.87, 0.66],
      [0.57, 0.85, 0.64],
    ],
  },
  {
    tokens: ['one', 'step'],
    embeddings: [
      [0.77, 0.25, 0.1],
      [0.05, 0.8, 0.55],
    ],
  },
];
const pad = [0.9, 0.9, 0.9];

describe('left padding', () => {
  it('pads the shorter sentence at the front and masks the pads', () => {
    const batch = leftPad(sentences, pad);
    expect(batch.T).toBe(3);
    expect(batch.tokens[1]).toEqual([PAD_TOKEN, 'one', 'step']);
    expect(batch.embeddings[1][0]).toEqual(pad);
    expect(batch.attention_mask).toEqual([
      [1, 1, 1],
      [0, 1, 1],
    ]);
  });

  it('masks: padding hides pad keys, causal the future, combined both; the pad row is blind', () => {
    const row = [0, 1, 1];
    expect([...paddingHidden(row)]).toEqual([1, 0, 0, 1, 0, 0, 1, 0, 0]);
    expect([...causalHidden(3)]).toEqual([0, 1, 1, 0, 0, 1, 0, 0, 0]);
    const both = combinedHidden(row);
    expect([...both]).toEqual([1, 1, 1, 1, 0, 1, 1, 0, 0]);
    expect(blindRows(both, 3)).toEqual([0]);
    expect(blindRows(combinedHidden([1, 1, 1]), 3)).toEqual([]);
  });
});

describe('the padding leak, against the engine', () => {
  const batch = leftPad(sentences, pad);
  const config = {
    variant: 'mha' as const,
    tokens: batch.tokens[0],
    embeddings: batch.embeddings,
    d_out: 2,
    num_heads: 1,
  };
  const masked = runAttention({
    ...config,
    attention_mask: batch.attention_mask,
    mask_fill: 'min',
  });
  const unmasked = runAttention(config);
  const alone = runAttention({
    ...config,
    tokens: sentences[1].tokens,
    embeddings: sentences[1].embeddings,
  });

  it('with the mask, the padded sentence’s real rows equal the sentence run alone', () => {
    const width = 2;
    const rows = masked.output.data.slice(3 * width + width, 6 * width);
    expect(Array.from(rows)).toEqual(Array.from(alone.output.data));
  });

  it('without it, the pad leaks into the real tokens of the padded sentence only', () => {
    const leak = paddingLeak(masked.output.data, unmasked.output.data, batch.attention_mask, 2);
    expect(leak.perSentence[0]).toBe(0);
    expect(leak.perSentence[1]).toBeGreaterThan(1e-3);
    expect(leak.maxAbs).toBe(leak.perSentence[1]);
    expect(Number.isNaN(leak.diff[3 * 2])).toBe(true);
  });

  it('with -inf the pad query’s weights are NaN; with min they are uniform', () => {
    const inf = runAttention({
      ...config,
      attention_mask: batch.attention_mask,
      mask_fill: '-inf',
    });
    const w = inf.attn_weights.data;
    // Batch 2 (index 1), query row 0: every key hidden.
    expect(Array.from(w.slice(9, 12)).every(Number.isNaN)).toBe(true);
    expect(Array.from(masked.attn_weights.data.slice(9, 12))).toEqual(
      [1 / 3, 1 / 3, 1 / 3].map(Math.fround),
    );
  });
});
