/** Hostile values inside otherwise readable links: each is clamped or repaired, with its message. */
import { describe, expect, it } from 'vitest';
import { defaultView } from '../../src/chapter/view.ts';
import { decodeView, encodeView } from '../../src/permalink/index.ts';
import { viewStateSchema } from '../../src/permalink/schema.ts';
import { linkWith, linkWithText } from './helpers.ts';

const base = defaultView('3.5.1');

function decode(payload: unknown) {
  const result = decodeView(
    typeof payload === 'string' ? linkWithText(payload) : linkWith(payload),
  );
  expect(viewStateSchema.safeParse(result.state).success).toBe(true);
  return result;
}

describe('embeddings', () => {
  it('10^6 dimensions keeps the first 16', () => {
    const row = Array.from({ length: 1_000_000 }, (_, i) => i % 7);
    const { state, problems } = decode({ v: 1, embeddings: [row], tokens: ['x'] });
    expect(problems).toEqual([
      "The link's embeddings had 1000000 dimensions; Attention Lab shows at most 16, so it kept the first 16.",
    ]);
    expect(state.embeddings).toEqual([row.slice(0, 16)]);
  }, 60_000);

  it('NaN (as a string or null) becomes 0', () => {
    const { state, problems } = decode({
      v: 1,
      embeddings: [
        [1, 'NaN', null],
        [2, 3, 4],
        [5, 6, 7],
        [8, 9, 10],
        [1, 1, 1],
        [0, 0, 0],
      ],
    });
    expect(problems).toEqual([
      'The link\'s embeddings had 2 values that were not finite numbers (row 1, column 2 was "NaN"); Attention Lab set them to 0.',
    ]);
    expect(state.embeddings[0]).toEqual([1, 0, 0]);
  });

  it('1e308, -1e308 and Infinity are clamped to ±1e6', () => {
    const rows = base.embeddings.slice(1);
    const { state, problems } = decode(
      `{"v":1,"embeddings":[[1e308,-1e308,1e999],${rows.map((r) => `[${r}]`).join(',')}]}`,
    );
    expect(problems).toEqual([
      "The link's embeddings had 3 values beyond ±1000000 (row 1, column 1 was 1e+308); Attention Lab clamped them to ±1000000.",
    ]);
    expect(state.embeddings[0]).toEqual([1e6, -1e6, 1e6]);
  });

  it('ragged rows are padded with 0 or cut', () => {
    const { state, problems } = decode({
      v: 1,
      embeddings: [[1, 2], [1, 2, 3, 4], [5]],
      tokens: ['a', 'b', 'c'],
    });
    expect(problems).toEqual([
      "The link's embeddings rows had different lengths (1 to 4 values); Attention Lab made every row 4 values long, padding with 0 and cutting extra values.",
    ]);
    expect(state.embeddings).toEqual([
      [1, 2, 0, 0],
      [1, 2, 3, 4],
      [5, 0, 0, 0],
    ]);
  });

  it('too many rows, rows that are not lists, no dimensions, nested garbage', () => {
    const many = decode({
      v: 1,
      embeddings: Array.from({ length: 100 }, () => [1, 2]),
      tokens: Array(100).fill('t'),
    });
    expect(many.problems).toEqual([
      'The link had 100 tokens; Attention Lab shows at most 32, so it kept the first 32.',
      "The link's embeddings had 100 rows (tokens); Attention Lab shows at most 32, so it kept the first 32.",
    ]);
    expect(many.state.embeddings).toHaveLength(32);
    expect(
      decode({ v: 1, embeddings: [[], []], tokens: ['a', 'b'], scatter_dims: [0, 0] }).problems,
    ).toEqual([
      "The link's embeddings had 0 dimensions; Attention Lab needs at least 1, so it used 1 dimension filled with 0.",
    ]);
    expect(
      decode({ v: 1, embeddings: [[1], { a: [1] }], tokens: ['a', 'b'], scatter_dims: [0, 0] })
        .problems,
    ).toEqual([
      "The link's embeddings row 2 was not a list of numbers; Attention Lab filled it with 0.",
    ]);
    expect(decode({ v: 1, embeddings: { rows: [[1]] } }).problems).toEqual([
      "The link's embeddings were an object, not a list of rows of numbers; Attention Lab used the step's default embeddings.",
    ]);
    expect(
      decode({ v: 1, embeddings: [[[[[1]]]], [{}]], tokens: ['a', 'b'], scatter_dims: [0, 0] })
        .problems,
    ).toEqual([
      "The link's embeddings had 2 values that were not finite numbers (row 1, column 1 was a list of 1 item); Attention Lab set them to 0.",
    ]);
  });
});

describe('tokens', () => {
  it('an HTML-looking name is kept verbatim, as plain text', () => {
    const name = '<img src=x onerror=alert(1)>';
    const state = { ...base, tokens: [name, 'journey', 'starts', 'with', 'one', '"step"&amp;'] };
    const { state: decoded, problems } = decodeView(encodeView(state));
    expect(problems).toEqual([]);
    expect(decoded.tokens[0]).toBe(name);
    expect(decoded.tokens[5]).toBe('"step"&amp;');
  });

  it('trims, cuts long names, names empty and non-text ones by position', () => {
    const long = `${'a'.repeat(39)} tail`;
    const { state, problems } = decode({
      v: 1,
      tokens: ['  Your ', '', long, 7, '😀'.repeat(45), '\ud800x'],
    });
    expect(state.tokens).toEqual([
      'Your',
      'token 2',
      'a'.repeat(39),
      'token 4',
      '😀'.repeat(40),
      '\uFFFDx',
    ]);
    expect(problems).toEqual([
      'The link\'s token name at position 4 was not text; Attention Lab named it "token 4".',
      'The link\'s token name at position 2 was empty; Attention Lab named it "token 2".',
      'The link\'s token name at position 6 had broken characters (unpaired UTF-16 surrogates); Attention Lab replaced them with "\uFFFD" in that name.',
      "The link's token name at position 1 had spaces at the start or end; Attention Lab removed them from that name.",
      "The link's token names at positions 3 and 5 were longer than 40 characters; Attention Lab kept the first 40.",
    ]);
  });

  it('the count follows the embeddings rows', () => {
    expect(decode({ v: 1, tokens: ['a', 'b'] })).toEqual({
      state: { ...base, tokens: ['a', 'b', 'token 3', 'token 4', 'token 5', 'token 6'] },
      problems: [
        'The link had 2 token names for 6 rows of embeddings; Attention Lab named the rest "token 3" to "token 6".',
      ],
    });
    expect(decode({ v: 1, tokens: 'Your journey' }).problems).toEqual([
      'The link\'s tokens were "Your journey", not a list of names; Attention Lab used the step\'s default names.',
    ]);
    expect(
      decode({
        v: 1,
        embeddings: [
          [1, 0],
          [2, 0],
        ],
      }).problems,
    ).toEqual([
      "The link's embeddings had 2 rows but no token names; Attention Lab used the first 2 of the step's default names.",
    ]);
  });
});

describe('settings', () => {
  it('numbers out of range are clamped to the limits', () => {
    const { state, problems } = decode({
      v: 1,
      d_out: 1_000_000,
      seed: -5,
      dropout: 1,
      num_heads: 0,
    });
    expect(state).toMatchObject({ d_out: 64, seed: 0, dropout: 0.95, num_heads: 1 });
    expect(problems).toEqual([
      "The link's random seed (seed) was -5; Attention Lab allows whole numbers from 0 to 4294967295, so it used 0.",
      "The link's output dimension (d_out) was 1000000; Attention Lab allows whole numbers from 1 to 64, so it used 64.",
      "The link's number of heads (num_heads) was 0; Attention Lab allows whole numbers from 1 to 8, so it used 1.",
      "The link's dropout rate (dropout) was 1; Attention Lab allows 0 to 0.95, so it used 0.95.",
    ]);
    expect(decode({ v: 1, seed: 2.5 }).problems).toEqual([
      "The link's random seed (seed) was 2.5; Attention Lab allows whole numbers from 0 to 4294967295, so it used 3.",
    ]);
  });

  it('wrong types fall back to the step default', () => {
    const { state, problems } = decode({
      v: 1,
      seed: 'NaN',
      dropout: null,
      causal: 'yes',
      backend: 'cuda',
    });
    expect(state).toEqual(base);
    expect(problems).toEqual([
      'The link\'s random seed (seed) was "NaN", which is not a finite number; Attention Lab used the step\'s default, 789.',
      "The link's dropout rate (dropout) was null, which is not a finite number; Attention Lab used the step's default, 0.",
      'The link\'s causal-mask switch (causal) was "yes", which is not true or false; Attention Lab used the step\'s default, true.',
      'The link\'s backend was "cuda", which is not one of auto, webgpu, kernel, wasm, reference; Attention Lab used the step\'s default, auto.',
    ]);
  });

  it('num_heads that does not divide d_out becomes the nearest that does', () => {
    const { state, problems } = decode({ v: 1, d_out: 10, num_heads: 4 });
    expect(state.num_heads).toBe(5);
    expect(problems).toEqual([
      "The link's number of heads (num_heads), 4, does not divide the output dimension (d_out), 10; Attention Lab used 5 heads, the nearest count that does.",
    ]);
    // A d_out edit alone can invalidate the step's default head count (2 heads at 3.6.x).
    expect(decodeView(linkWith({ v: 1, d_out: 3 }, '3.6.1'))).toEqual({
      state: { ...defaultView('3.6.1'), d_out: 3, num_heads: 1 },
      problems: [
        "The step's default number of heads (num_heads), 2, does not divide the output dimension (d_out), 3; Attention Lab used 1 head, the nearest count that does.",
      ],
    });
  });

  it('locked cells outside the heatmap, or malformed, are dropped', () => {
    expect(decode({ v: 1, locked: { head: 0, row: 6, col: 0 } }).problems).toEqual([
      "The link's locked heatmap cell (locked: head 0, row 6, column 0, counting from 0) is outside the 1 head and 6 tokens shown; Attention Lab dropped it.",
    ]);
    expect(decode({ v: 1, locked: [0, 1, 2] }).problems).toEqual([
      "The link's locked heatmap cell (locked) was a list of 3 items, not a head, row and column; Attention Lab dropped it.",
    ]);
    expect(decode({ v: 1, locked: { head: 0, row: 1, col: 2 } }).state.locked).toEqual({
      head: 0,
      row: 1,
      col: 2,
    });
  });

  it('scatter_dims must be within the embeddings', () => {
    expect(decode({ v: 1, scatter_dims: [0, 3] }).problems).toEqual([
      "The link's scatter-plot dimensions (scatter_dims) 0 and 3 are not among the embeddings' 3 dimensions (0 to 2); Attention Lab shows dimensions 0 and 1.",
    ]);
    expect(decode({ v: 1, scatter_dims: 'x' }).problems).toEqual([
      'The link\'s scatter-plot dimensions (scatter_dims) were "x", not two dimension numbers; Attention Lab shows dimensions 0 and 1.',
    ]);
    const oneDim = decode({ v: 1, embeddings: [[1], [2], [3], [4], [5], [6]] });
    expect(oneDim.state.scatter_dims).toEqual([0, 0]);
    expect(oneDim.problems).toEqual([
      "The step's default scatter-plot dimensions (scatter_dims) 0 and 1 are not among the embeddings' 1 dimension (0 to 0); Attention Lab shows dimensions 0 and 0.",
    ]);
  });
});
