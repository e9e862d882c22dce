import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultView } from '../../src/chapter/view.ts';
import { GPT2_INITIAL, ZOOM_LEVELS } from '../../src/gpt2/view.ts';
import { decodeView, encodeView } from '../../src/permalink/index.ts';

const viewWith = (local: Record<string, unknown>, seed = 123) => ({
  ...defaultView('ex3.3'),
  seed,
  local: { ...GPT2_INITIAL, ...local },
});

describe('Exercise 3.3 in the permalink (text, seed, head shown, zoom)', () => {
  it('round-trips any text up to the limit, seed, head and zoom', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.option(fc.integer({ min: 0, max: 11 })),
        fc.constantFrom(...ZOOM_LEVELS),
        (text, seed, head, zoom) => {
          const view = viewWith({ text, head, zoom }, seed);
          const back = decodeView(encodeView(view));
          expect(back.problems).toEqual([]);
          expect(back.state.local).toEqual({ text, head, zoom });
          expect(back.state.seed).toBe(seed);
        },
      ),
      { numRuns: 40 },
    );
  }, 30_000);

  it('refuses a link with 10 MB of text, with a message, and opens the example sentence', () => {
    const { state, problems } = decodeView(encodeView(viewWith({ text: 'a'.repeat(10_000_000) })));
    expect(state.step).toBe('ex3.3');
    expect(state.local.text).toBe(GPT2_INITIAL.text);
    expect(problems).toEqual([expect.stringContaining('text (local.text) was not valid')]);
  }, 60_000);

  it('names a head or zoom that does not exist and keeps the rest', () => {
    const { state, problems } = decodeView(encodeView(viewWith({ text: 'hi', head: 12, zoom: 3 })));
    expect(state.local).toEqual({ text: 'hi', head: null, zoom: 1 });
    expect(problems).toHaveLength(2);
  });
});
