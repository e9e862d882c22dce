import { describe, expect, it } from 'vitest';
import { openStep } from '../../app/store/edits.ts';
import { defaultView } from '../../src/chapter/view.ts';
import { decodeView, encodeView, messages } from '../../src/permalink/index.ts';
import { linkWith } from './helpers.ts';

describe('"Show the head view" travels in the link (head_view)', () => {
  it('is written only when on, and reads back on', () => {
    const book = defaultView('3.5.1');
    expect(book.head_view).toBe(false);
    expect(encodeView(book)).toBe('#/3.5.1');
    const on = { ...book, head_view: true };
    const hash = encodeView(on);
    expect(hash).toMatch(/^#\/3\.5\.1\?s=/);
    expect(decodeView(hash)).toEqual({ state: on, problems: [] });
  });

  it('links from before the field open with the head view off; a bad value is repaired', () => {
    expect(decodeView(linkWith({ v: 1, seed: 7 }, '3.6.1')).state.head_view).toBe(false);
    const bad = decodeView(linkWith({ v: 1, head_view: 'yes' }, '3.6.1'));
    expect(bad.state.head_view).toBe(false);
    expect(bad.problems).toEqual([messages.notBoolean('head_view', 'yes', false)]);
  });

  it('stays on when the learner moves to another step', () => {
    const on = { ...defaultView('3.5.1'), head_view: true };
    expect(openStep(on, '3.6.1').head_view).toBe(true);
  });
});
