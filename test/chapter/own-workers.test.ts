import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_D_OUT, MAX_HEADS, MAX_SEED } from '../../src/chapter/limits.ts';
import { configsFor, usesChapterEngine } from '../../src/chapter/steps/index.ts';
import { defaultView, STEP_IDS } from '../../src/chapter/view.ts';

/**
 * Whether a step asks the chapter's engine for anything is a fact of the step (the badge reads
 * it on every store change): it must agree with the step's own requests, whatever the view.
 */
describe('usesChapterEngine', () => {
  it('agrees with configsFor on every step’s default view', () => {
    for (const step of STEP_IDS) {
      expect(usesChapterEngine(step), step).toBe(configsFor(defaultView(step)).length > 0);
    }
    // The two steps with workers of their own, and one the chapter's engine computes.
    expect(usesChapterEngine('ex3.3')).toBe(false);
    expect(usesChapterEngine('race')).toBe(false);
    expect(usesChapterEngine('train')).toBe(true);
  });

  it('agrees with configsFor over edited views of every step', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STEP_IDS),
        fc.integer({ min: 0, max: MAX_SEED }),
        fc.integer({ min: 1, max: MAX_D_OUT }),
        fc.integer({ min: 1, max: MAX_HEADS }),
        fc.boolean(),
        (step, seed, d_out, num_heads, causal) => {
          const view = { ...defaultView(step), seed, d_out, num_heads, causal };
          expect(usesChapterEngine(step)).toBe(configsFor(view).length > 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
