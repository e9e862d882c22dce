import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenNames } from '../../app/a11y/token-names.ts';

describe('tokenNames', () => {
  it('keeps unique tokens and numbers repeated ones by position', () => {
    expect(tokenNames(['Your', 'journey', 'step', 'one', 'step'])).toEqual([
      'Your',
      'journey',
      'step (token 3)',
      'one',
      'step (token 5)',
    ]);
  });

  it('never gives two tokens the same name', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'a (token 2)'), { maxLength: 12 }),
        (t) => {
          const names = tokenNames(t);
          return new Set(names).size === names.length;
        },
      ),
    );
  });
});
