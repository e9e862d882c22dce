import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LINK_LENGTH } from '../../src/chapter/limits.ts';
import { linkOfWorkerName, workerNameOf } from '../../src/gpt2/worker-name.ts';

describe('the GPT-2 worker named after the page’s link', () => {
  it('carries any link up to the peek’s limit, unchanged', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (link) => {
        expect(linkOfWorkerName(workerNameOf(link))).toBe(link);
      }),
    );
    const longest = `#/ex3.3?s=${'a'.repeat(MAX_LINK_LENGTH - 10)}`;
    expect(linkOfWorkerName(workerNameOf(longest))).toBe(longest);
  });

  it('names nothing for a longer link, and reads no link from another name', () => {
    const long = `#/ex3.3?s=${'a'.repeat(MAX_LINK_LENGTH)}`;
    expect(workerNameOf(long)).toBe('');
    expect(linkOfWorkerName('')).toBeNull();
    expect(linkOfWorkerName('#/ex3.3')).toBeNull();
  });
});
