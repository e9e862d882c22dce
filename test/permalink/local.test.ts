/** A step's own state (view.local): its defaults, and the permalink carrying and repairing it. */
import { describe, expect, it } from 'vitest';
import { readLocal } from '../../src/chapter/steps/local.ts';
import { BOOK_A, toyTensorField } from '../../src/chapter/steps/toy-tensor.ts';
import { defaultView, STEP_IDS } from '../../src/chapter/view.ts';
import { decodeView, encodeView, messages, viewStateSchema } from '../../src/permalink/index.ts';
import { linkWith } from './helpers.ts';

const fields = { a: toyTensorField };
const withA = (a: unknown) => ({ v: 1, local: { a } });

describe('step-local state', () => {
  it('3.6.2 opens with the book’s toy tensor a; other steps have none', () => {
    expect(defaultView('3.6.2').local).toEqual({ a: BOOK_A });
    expect(defaultView('3.6.2').local.a).not.toBe(BOOK_A); // a copy: edits never reach the book
    expect(defaultView('3.6.1').local).toEqual({});
    expect(readLocal(fields, defaultView('3.6.2')).a[0][1][2]).toEqual([
      0.4606, 0.5159, 0.422, 0.5786,
    ]);
    // A view of another step reads as the initial value.
    expect(readLocal(fields, defaultView('3.5.1')).a).toEqual(BOOK_A);
  });

  it.each(STEP_IDS)('%s: the book’s view is a bare link and reads back whole', (id) => {
    expect(encodeView(defaultView(id))).toBe(`#/${id}`);
    expect(decodeView(`#/${id}`)).toEqual({ state: defaultView(id), problems: [] });
  });

  it('an edited a travels in the link, alone', () => {
    const a = structuredClone(BOOK_A);
    a[0][1][2][3] = -2.5;
    const state = { ...defaultView('3.6.2'), local: { a } };
    const link = encodeView(state);
    expect(link).toMatch(/^#\/3\.6\.2\?s=/);
    expect(decodeView(link)).toEqual({ state, problems: [] });
    expect(viewStateSchema.safeParse(state).success).toBe(true);
  });

  it('values past the limits are clamped, with a message', () => {
    const a = structuredClone(BOOK_A);
    a[0][0][0][0] = 1e9;
    const { state, problems } = decodeView(linkWith(withA(a), '3.6.2'));
    expect((state.local.a as number[][][][])[0][0][0][0]).toBe(1e6);
    expect(problems).toEqual([messages.localFitted('toy tensor a', 'a')]);
  });

  it('a wrong shape or a non-number keeps the book’s a, with a message', () => {
    for (const bad of [[[[1, 2, 3]]], 'a', null, [[[['x', 0, 0, 0]]]]]) {
      const { state, problems } = decodeView(linkWith(withA(bad), '3.6.2'));
      expect(state.local).toEqual({ a: BOOK_A });
      expect(problems).toEqual([messages.localInvalid('toy tensor a', 'a')]);
    }
    expect(decodeView(linkWith({ v: 1, local: 7 }, '3.6.2')).problems).toEqual([
      messages.localNotObject(7),
    ]);
  });

  it('fields the step does not have are dropped, with a message', () => {
    const { state, problems } = decodeView(linkWith(withA(BOOK_A), '3.5.1'));
    expect(state).toEqual(defaultView('3.5.1'));
    expect(problems).toEqual([messages.unknownSettings(['local.a'])]);
  });

  it('the schema refuses a view whose local state does not fit its step', () => {
    expect(
      viewStateSchema.safeParse({ ...defaultView('3.5.1'), local: { a: BOOK_A } }).success,
    ).toBe(false);
    expect(viewStateSchema.safeParse({ ...defaultView('3.6.2'), local: { a: 1 } }).success).toBe(
      false,
    );
  });
});
