/** Each kind of broken or hostile link gives its own specific message and a valid view. */
import { describe, expect, it } from 'vitest';
import { defaultView } from '../../src/chapter/view.ts';
import { decodeView, encodeView } from '../../src/permalink/index.ts';
import { viewStateSchema } from '../../src/permalink/schema.ts';
import { linkWith, linkWithText } from './helpers.ts';

const DAMAGED =
  "This link is damaged (its data could not be read); showing the book's example for step 3.5.1.";
const edited = {
  ...defaultView('3.5.1'),
  seed: 42,
  dropout: 0.3,
  tokens: ['a', 'b', 'c', 'd', 'e', 'f'],
};
const good = encodeView(edited);

function decode(hash: string) {
  const result = decodeView(hash);
  expect(viewStateSchema.safeParse(result.state).success).toBe(true);
  return result;
}

describe('damaged links', () => {
  it('truncated', () => {
    for (const cut of [1, 2, 5, 20]) {
      expect(decode(good.slice(0, -cut))).toEqual({
        state: defaultView('3.5.1'),
        problems: [DAMAGED],
      });
    }
  });

  it('one character changed, inserted or removed', () => {
    const at = good.indexOf('s=') + 12;
    const flipped = good.slice(0, at) + (good[at] === 'A' ? 'B' : 'A') + good.slice(at + 1);
    for (const hash of [
      flipped,
      `${good.slice(0, at)}x${good.slice(at)}`,
      good.slice(0, at) + good.slice(at + 1),
    ]) {
      expect(decode(hash)).toEqual({ state: defaultView('3.5.1'), problems: [DAMAGED] });
    }
  });

  it('garbage payloads', () => {
    for (const payload of [
      '',
      'garbage',
      '!!!!',
      'AAAA',
      'eJw',
      '%3Cimg%3E',
      'eNqrVipTsjLUUSrJz07',
    ]) {
      expect(decode(`#/3.5.1?s=${payload}`).problems).toEqual([DAMAGED]);
    }
  });

  it('readable data that is not JSON, or not an object', () => {
    for (const text of ['not json', '{"v":1,', '[1,2,3]', '42', 'null', '"v"', '\uFEFF{"v":1}']) {
      expect(decode(linkWithText(text)).problems).toEqual([DAMAGED]);
    }
  });

  it('keeps the step when only the data is damaged, and reports both when both are wrong', () => {
    expect(decode('#/3.6.2?s=zzzz').problems).toEqual([DAMAGED.replace('3.5.1', '3.6.2')]);
    expect(decode('#/9.9.9?s=zzzz').problems).toEqual([
      'The link names step "9.9.9", which is not a step of chapter 3; Attention Lab opened step 3.3.1 instead.',
      "This link is damaged (its data could not be read); showing the book's example for step 3.3.1.",
    ]);
  });

  it('a zip bomb', () => {
    const { state, problems } = decode(linkWithText(' '.repeat(20 * 1024 * 1024)));
    expect(state).toEqual(defaultView('3.5.1'));
    expect(problems).toEqual([
      "This link's data is too large to read (over 16 MB once unpacked); showing the book's example for step 3.5.1.",
    ]);
  }, 60_000);

  it('a link too long to be real', () => {
    const { problems } = decode(`#/3.5.1?s=${'A'.repeat(200_000)}`);
    expect(problems).toEqual([
      "This link is too long to read (200010 characters; Attention Lab reads at most 100000); showing the book's example for step 3.5.1.",
    ]);
  });

  it('the wrong query parameter', () => {
    expect(decode('#/3.5.1?x=1').problems).toEqual([
      'The link\'s settings part ("?x=1") is not of the form "?s=…"; showing the book\'s example for step 3.5.1.',
    ]);
    const extra = decode(`${good}&utm=mail`);
    expect(extra.state).toEqual(edited);
    expect(extra.problems).toEqual([
      'The link had extra parts after "?" ("utm=mail"); Attention Lab ignored them.',
    ]);
  });
});

describe('not a string at all', () => {
  it('is reported, not thrown', () => {
    for (const value of [undefined, null, 42, {}, Symbol('x')]) {
      expect(decode(value as unknown as string)).toEqual({
        state: defaultView('3.3.1'),
        problems: ["This link is not text; showing the book's example for step 3.3.1."],
      });
    }
  });
});

describe('steps', () => {
  it('an unknown step opens 3.3.1 and keeps the settings', () => {
    const { state, problems } = decode('#/4.1.1');
    expect(state).toEqual(defaultView('3.3.1'));
    expect(problems).toEqual([
      'The link names step "4.1.1", which is not a step of chapter 3; Attention Lab opened step 3.3.1 instead.',
    ]);
    const withData = decode(linkWith({ v: 1, seed: 5 }, '<script>'));
    expect(withData.state).toEqual({ ...defaultView('3.3.1'), seed: 5 });
    expect(withData.problems).toEqual([
      'The link names step "<script>", which is not a step of chapter 3; Attention Lab opened step 3.3.1 instead.',
    ]);
  });

  it('no step but data', () => {
    expect(decode(linkWith({ v: 1 }, '')).problems).toEqual([
      'The link does not name a step; Attention Lab opened step 3.3.1.',
    ]);
  });
});

describe('versions', () => {
  it('a newer version (v: 99) names the version and falls back to the step example', () => {
    expect(decode(linkWith({ v: 99, seed: 1 }))).toEqual({
      state: defaultView('3.5.1'),
      problems: [
        "This link was made by a newer Attention Lab (its data is version 99; this one reads versions 1 to 1); showing the book's example for step 3.5.1.",
      ],
    });
  });

  it('an unknown version', () => {
    for (const [v, shown] of [
      ['1', '"1"'],
      [-1, '-1'],
      [1.5, '1.5'],
      [null, 'null'],
      [[1], 'a list of 1 item'],
    ]) {
      expect(decode(linkWith({ v, seed: 1 })).problems).toEqual([
        `This link's data has an unknown version (${shown}; Attention Lab reads versions 1 to 1); showing the book's example for step 3.5.1.`,
      ]);
    }
  });

  it('no version is read as the current one, with a message', () => {
    const { state, problems } = decode(linkWith({ seed: 1 }));
    expect(state).toEqual({ ...defaultView('3.5.1'), seed: 1 });
    expect(problems).toEqual([
      "This link's data has no version number; Attention Lab read it as version 1.",
    ]);
  });

  it('unknown settings are ignored, with a message (including __proto__)', () => {
    const { state, problems } = decode(
      linkWithText('{"v":1,"seed":3,"__proto__":{"seed":4},"colour":"red"}'),
    );
    expect(state).toEqual({ ...defaultView('3.5.1'), seed: 3 });
    expect(problems).toEqual([
      'The link\'s data had settings Attention Lab does not know ("__proto__", "colour"); it ignored them.',
    ]);
    expect(decode(linkWith({ v: 1, step: '3.4.1' })).problems).toEqual([
      'The link\'s data had a setting Attention Lab does not know ("step"); it ignored it.',
    ]);
  });
});
