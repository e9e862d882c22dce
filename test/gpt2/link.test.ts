import { describe, expect, it } from 'vitest';
import { defaultView } from '../../src/chapter/view.ts';
import { gpt2LinkInputs } from '../../src/gpt2/link.ts';
import { encodeView } from '../../src/permalink/index.ts';

/** What the step's worker reads from the page's link before the app has started (prepare). */
describe('gpt2LinkInputs', () => {
  it('reads the text and seed of an Exercise 3.3 link as the page will', () => {
    const view = {
      ...defaultView('ex3.3'),
      seed: 7,
      local: { text: 'Every effort moves you', head: 3, zoom: 2 },
    };
    expect(gpt2LinkInputs(encodeView(view))).toEqual({ text: 'Every effort moves you', seed: 7 });
    // the bare step: the book's sentence and the chapter's seed
    expect(gpt2LinkInputs('#/ex3.3')).toEqual({
      text: 'Your journey starts with one step',
      seed: defaultView('ex3.3').seed,
    });
  });

  it('is null for any other step and for a link that is not one', () => {
    expect(gpt2LinkInputs('#/3.5.1')).toBeNull();
    expect(gpt2LinkInputs(encodeView(defaultView('4.2')))).toBeNull();
    expect(gpt2LinkInputs('#/ex3.3?s=%%%garbage')).toEqual(gpt2LinkInputs('#/ex3.3'));
  });
});
