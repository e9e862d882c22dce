import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepDef } from '../../src/chapter/steps/index.ts';
import { readLocal } from '../../src/chapter/steps/local.ts';
import { defaultView } from '../../src/chapter/view.ts';
import { PEEK_VERSION, peekGpt2Link } from '../../src/gpt2/link-peek.ts';
import type { Gpt2Local } from '../../src/gpt2/local.ts';
import { ZOOM_LEVELS } from '../../src/gpt2/local.ts';
import { hashText } from '../../src/permalink/hash-text.ts';
import { CURRENT_VERSION, decodeView, encodeView } from '../../src/permalink/index.ts';
import { packText } from '../../src/permalink/pack.ts';
import { MAX_TEXT_CHARS } from '../../src/tokenizer/limits.ts';

/** What the page reads from the same link: the full decode, repairs and defaults included. */
function pageInputs(link: string): { text: string; seed: number } | null {
  const { state } = decodeView(hashText(link));
  if (state.step !== 'ex3.3') return null;
  const fields = stepDef('ex3.3').local;
  const local = (fields ? readLocal(fields, state) : {}) as unknown as Partial<Gpt2Local>;
  return { text: (local.text ?? '').slice(0, MAX_TEXT_CHARS), seed: state.seed };
}

const ex33 = (text: string, seed: number, head: number | null, zoom: number) =>
  encodeView({ ...defaultView('ex3.3'), seed, local: { text, head, zoom } });

/** What the step's worker reads from the page's link before the app has started (prepare). */
describe('peekGpt2Link', () => {
  it('reads the version the page writes', () => {
    expect(PEEK_VERSION).toBe(CURRENT_VERSION);
  });

  it('reads the text and seed of an Exercise 3.3 link as the page will', () => {
    const link = ex33('Every effort moves you', 7, 3, 2);
    expect(peekGpt2Link(link)).toEqual({ text: 'Every effort moves you', seed: 7 });
    // the bare step: the book's sentence and the chapter's seed
    expect(peekGpt2Link('#/ex3.3')).toEqual({
      text: 'Your journey starts with one step',
      seed: defaultView('ex3.3').seed,
    });
  });

  it('is null for any other step and for a link it cannot read', () => {
    expect(peekGpt2Link('#/3.5.1')).toBeNull();
    expect(peekGpt2Link(encodeView(defaultView('4.2')))).toBeNull();
    expect(peekGpt2Link('#/ex3.3?s=%%%garbage')).toBeNull();
    expect(peekGpt2Link(`#/ex3.3?s=${packText('{"v":2}')}`)).toBeNull();
    expect(peekGpt2Link(`#/ex3.3?s=${packText('{"v":1,"seed":1.5}')}`)).toBeNull();
  });

  it('agrees with the page on every link the page writes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.option(fc.integer({ min: 0, max: 11 })),
        fc.constantFrom(...ZOOM_LEVELS),
        (text, seed, head, zoom) => {
          const link = ex33(text, seed, head, zoom);
          expect(peekGpt2Link(link)).toEqual(pageInputs(link));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws, and what it reads from any payload is what the page reads', () => {
    const payload = fc.record(
      {
        v: fc.oneof(fc.constant(1), fc.anything()),
        seed: fc.oneof(fc.integer({ min: -5, max: 2 ** 33 }), fc.double(), fc.anything()),
        local: fc.oneof(
          fc.record(
            { text: fc.oneof(fc.string(), fc.anything()), head: fc.anything() },
            { requiredKeys: [] },
          ),
          fc.anything(),
        ),
        num_heads: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(payload, fc.constantFrom('#/ex3.3?s=', 'ex3.3?s=', '#/3.5.1?s='), (p, head) => {
        const link = head + packText(JSON.stringify(p));
        const peeked = peekGpt2Link(link);
        if (peeked !== null) expect(peeked).toEqual(pageInputs(link));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string(), (tail) => {
        const peeked = peekGpt2Link(`#/ex3.3?${tail}`);
        if (peeked !== null) expect(peeked).toEqual(pageInputs(`#/ex3.3?${tail}`));
      }),
    );
  });
});
