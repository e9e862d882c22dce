/**
 * Links must stay shareable (under ~2,000 characters) for a full edited view.
 * Measured (200 deterministic random 12-token × 16-dim matrices each, plus edited settings):
 *   uniform values in [-1, 1):   1664–1710 characters, mean 1687
 *   Gaussian values (randn):     1680–1736 characters, mean 1708
 *   the book's example:          "#/3.5.1" (7) unedited; 50 with one setting changed (causal)
 */
import { describe, expect, it } from 'vitest';
import { defaultView, type ViewState } from '../../src/chapter/view.ts';
import { decodeView, encodeView, toFloat32Decimal } from '../../src/permalink/index.ts';
import { mulberry32 } from './helpers.ts';

const TOKENS = 'The quick brown fox jumps over the lazy dog and then sleeps'.split(' ');

function editedView(values: () => number): ViewState {
  const embeddings = TOKENS.map(() => Array.from({ length: 16 }, () => toFloat32Decimal(values())));
  return {
    ...defaultView('3.6.2'),
    tokens: TOKENS,
    embeddings,
    seed: 4242,
    d_out: 8,
    num_heads: 4,
    qkv_bias: true,
    dropout: 0.1,
    training: true,
    backend: 'wasm',
    locked: { head: 1, row: 3, col: 2 },
    scatter_dims: [4, 9],
  };
}

function measure(kind: 'uniform' | 'gaussian'): number[] {
  const lengths: number[] = [];
  for (let seed = 1; seed <= 200; seed++) {
    const random = mulberry32(seed);
    const values =
      kind === 'uniform'
        ? () => random() * 2 - 1
        : () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const state = editedView(values);
    const hash = encodeView(state);
    expect(decodeView(hash)).toEqual({ state, problems: [] });
    lengths.push(hash.length);
  }
  return lengths;
}

describe('link size', () => {
  it('12 tokens × 16 random dimensions + edited settings stays under 2,000 characters', () => {
    for (const kind of ['uniform', 'gaussian'] as const) {
      const lengths = measure(kind);
      const max = Math.max(...lengths);
      const mean = Math.round(lengths.reduce((a, b) => a + b, 0) / lengths.length);
      console.log(
        `permalink size (${kind}): min ${Math.min(...lengths)}, mean ${mean}, max ${max} characters`,
      );
      expect(max).toBeLessThan(2000);
    }
  }, 60_000);

  it('the book example is the bare step, and small edits stay small', () => {
    expect(encodeView(defaultView('3.5.1'))).toBe('#/3.5.1');
    const oneEdit = encodeView({ ...defaultView('3.5.1'), causal: false });
    console.log(`permalink size (one setting edited): ${oneEdit.length} characters`);
    expect(oneEdit.length).toBeLessThan(60);
  });
});
