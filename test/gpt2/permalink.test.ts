import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeGpt2View,
  encodeGpt2View,
  isGpt2Link,
  ZOOM_LEVELS,
} from '../../src/gpt2/permalink.ts';

describe('Exercise 3.3 permalink', () => {
  it('round-trips any text, seed, head and zoom', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.option(fc.integer({ min: 0, max: 11 })),
        fc.constantFrom(...ZOOM_LEVELS),
        (text, seed, head, zoom) => {
          const view = { text, seed, head, zoom };
          const hash = encodeGpt2View(view);
          expect(isGpt2Link(hash)).toBe(true);
          expect(decodeGpt2View(hash)).toEqual({ view, problems: [] });
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);

  it('refuses a 10 MB link with a message, without decoding it', () => {
    const hash = encodeGpt2View({ text: 'a'.repeat(10_000_000), seed: 1, head: null, zoom: 1 });
    const { view, problems } = decodeGpt2View(hash);
    expect(view.text).toBe('Your journey starts with one step');
    expect(problems[0]).toMatch(/10\.0 million characters.*not opened/);
  });

  it('names each bad field and keeps the good ones', () => {
    const { view, problems } = decodeGpt2View('#/ex3.3?text=hi&seed=-4&head=13&zoom=3');
    expect(view).toEqual({ text: 'hi', seed: 123, head: null, zoom: 1 });
    expect(problems).toHaveLength(3);
    expect(problems.join(' ')).toMatch(/seed "-4".*Head "13".*Zoom "3"/);
  });
});
