/**
 * Decoding never throws and always yields a view within the limits; a link that is not valid as
 * written always gets at least one message, and a valid one gets none and means what it says.
 * "Valid" is judged independently by `oracleState` (Node's zlib + the zod schemas).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeView, encodeView, messages } from '../../src/permalink/index.ts';
import { viewStateSchema } from '../../src/permalink/schema.ts';
import {
  atFloat32,
  linkWith,
  linkWithText,
  oracleState,
  stepArb,
  validViewArb,
} from './helpers.ts';

let decoded = 0;
let decodeMs = 0;
let judgedValid = 0;
const started = performance.now();
const internalError = messages.unexpected('3.3.1');

function check(input: string): void {
  const t0 = performance.now();
  const { state, problems } = decodeView(input);
  decodeMs += performance.now() - t0;
  decoded++;
  expect(viewStateSchema.safeParse(state).success).toBe(true);
  expect(problems).not.toContain(internalError);
  for (const p of problems) expect(typeof p === 'string' && p.length > 0).toBe(true);
  const meant = oracleState(input);
  if (meant === null) {
    expect(problems.length).toBeGreaterThan(0);
  } else {
    judgedValid++;
    expect(problems).toEqual([]);
    expect(state).toEqual(atFloat32(meant));
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const anyChar = fc.oneof(
  fc.constantFrom(...B64.split('')),
  fc.constantFrom('?', '&', '=', '#', '/', '.', '%', ' ', '+', '\u0000', 'é', '😀'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

/** A valid link with 1–3 characters flipped, inserted or removed, or cut short. */
const mutatedLink = fc
  .tuple(
    validViewArb.map(encodeView),
    fc.array(
      fc.record({
        op: fc.constantFrom('flip', 'insert', 'delete', 'truncate'),
        at: fc.nat(),
        char: anyChar,
      }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
  )
  .map(([link, edits]) =>
    edits.reduce((s, { op, at, char }) => {
      const i = s.length === 0 ? 0 : at % s.length;
      if (op === 'flip') return s.slice(0, i) + char + s.slice(i + 1);
      if (op === 'insert') return s.slice(0, i) + char + s.slice(i);
      if (op === 'delete') return s.slice(0, i) + s.slice(i + 1);
      return s.slice(0, i);
    }, link),
  );

/** Values meant to break things; "__INF__" becomes the JSON literal 1e999 (Infinity). */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'NaN',
    null,
    1e308,
    -1e308,
    '__INF__',
    1e6 + 1,
    -0,
    5e-324,
    2 ** 53,
    2 ** 32,
    -1,
    0.5,
    1.5,
    99,
    true,
    false,
    '',
    ' ',
    '<img src=x onerror=alert(1)>',
    '\ud800',
    [],
    {},
    [[]],
    [0, 1, 2],
    { head: 0, row: 0, col: 0 },
  ),
  fc.double(),
  fc.integer({ min: -100, max: 100 }),
  fc.string({ maxLength: 60 }),
  fc.jsonValue({ maxDepth: 4 }),
);
const hostileRow = fc.array(fc.oneof(fc.double({ min: -2, max: 2 }), hostileValue), {
  maxLength: 40,
});
const hostileFields = fc.record(
  {
    v: fc.oneof(fc.constantFrom(1, 1, 1, 0, 99, -1, '1', null, 1.5), hostileValue),
    tokens: fc.oneof(
      fc.array(fc.oneof(fc.string({ maxLength: 50 }), hostileValue), { maxLength: 40 }),
      hostileValue,
    ),
    embeddings: fc.oneof(fc.array(hostileRow, { maxLength: 40 }), hostileValue),
    seed: hostileValue,
    d_out: fc.oneof(fc.integer({ min: 0, max: 70 }), hostileValue),
    num_heads: fc.oneof(fc.integer({ min: 0, max: 9 }), hostileValue),
    qkv_bias: hostileValue,
    dropout: hostileValue,
    training: hostileValue,
    causal: hostileValue,
    scaled: hostileValue,
    backend: fc.oneof(fc.constantFrom('auto', 'webgpu', 'wasm', 'reference', 'cuda'), hostileValue),
    locked: fc.oneof(
      fc.record({ head: hostileValue, row: hostileValue, col: hostileValue }),
      hostileValue,
    ),
    scatter_dims: fc.oneof(fc.tuple(fc.nat(20), fc.nat(20)), hostileValue),
    step: stepArb,
    __proto__: hostileValue,
    extra: hostileValue,
  },
  { requiredKeys: [] },
);
const hostileLink = fc
  .tuple(hostileFields, fc.oneof(stepArb, fc.constantFrom('', '9.9', '3.5.1x')))
  .map(([fields, step]) =>
    linkWithText(JSON.stringify(fields).replaceAll('"__INF__"', '1e999'), step),
  );

const randomLink = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 200 }),
  fc
    .tuple(stepArb, fc.string({ unit: fc.constantFrom(...B64.split('')), maxLength: 300 }))
    .map(([step, s]) => `#/${step}?s=${s}`),
  fc
    .tuple(
      fc.constantFrom('#/', '#', '', '#/3.5.1?', '#/3.5.1?s=eNq'),
      fc.string({ maxLength: 80 }),
    )
    .map(([a, b]) => a + b),
);

const runs = { random: 2500, mutated: 3500, hostile: 3500, valid: 600 };

describe('fuzz: decodeView on hostile input', () => {
  afterAll(() => {
    const total = Math.round(performance.now() - started);
    console.log(
      `permalink fuzz: ${decoded} links decoded (${judgedValid} valid, ${decoded - judgedValid} not); ` +
        `decodeView ${Math.round(decodeMs)} ms in all, whole fuzz incl. generation ${total} ms`,
    );
    expect(decoded).toBeGreaterThanOrEqual(10_000);
  });

  it(
    'random strings',
    () => fc.assert(fc.property(randomLink, check), { numRuns: runs.random }),
    60_000,
  );
  it(
    'valid links with characters flipped, inserted, removed or cut',
    () => fc.assert(fc.property(mutatedLink, check), { numRuns: runs.mutated }),
    60_000,
  );
  it(
    'readable payloads with hostile values',
    () => fc.assert(fc.property(hostileLink, check), { numRuns: runs.hostile }),
    60_000,
  );
  it(
    'valid links',
    () => fc.assert(fc.property(validViewArb.map(encodeView), check), { numRuns: runs.valid }),
    60_000,
  );

  it('huge inputs', () => {
    const wide = Array(1_000_000).fill(0.5);
    const huge = [
      linkWith({ v: 1, embeddings: [wide, wide], tokens: ['a', 'b'] }),
      linkWith({ v: 1, tokens: Array(1_000_000).fill('x') }),
      linkWith({ v: 1, embeddings: Array(100_000).fill([1, 2]) }),
      linkWith({ v: 1, tokens: ['y'.repeat(1_000_000)] }),
      linkWithText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
      linkWithText(`{"v":1,"locked":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`),
      linkWithText(' '.repeat(17 * 1024 * 1024)),
      `#/3.5.1?s=${'A'.repeat(99_990)}`,
      `#/${'3.5.1'.repeat(100_000)}`,
      '?'.repeat(200_000),
    ];
    for (const link of huge) check(link);
  }, 60_000);
});
