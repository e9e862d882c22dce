/**
 * Shared test pieces: generators of valid views, a builder for hand-made links, and an
 * independent judge of whether a link is valid (built on Node's zlib and the zod schemas, not
 * on the decoder's repair code), used by the fuzz test to decide when a message is owed.
 */

import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import * as L from '../../src/chapter/limits.ts';
import { stepDef } from '../../src/chapter/steps/index.ts';
import { initialLocal } from '../../src/chapter/steps/local.ts';
import {
  BACKEND_CHOICES,
  defaultView,
  STEP_IDS,
  type StepId,
  type ViewState,
} from '../../src/chapter/view.ts';
import { toFloat32Decimal } from '../../src/permalink/float32.ts';
import { payloadV1Schema } from '../../src/permalink/migrations.ts';
import { packText } from '../../src/permalink/pack.ts';
import { isValidTokenName, viewStateSchema } from '../../src/permalink/schema.ts';
import { cutToCodePoints } from '../../src/permalink/text.ts';

/** A link to `step` carrying `json` (any text) as its payload, packed the way the app packs. */
export function linkWithText(json: string, step: string = '3.5.1'): string {
  return `#/${step}?s=${packText(json)}`;
}
export function linkWith(payload: unknown, step: string = '3.5.1'): string {
  return linkWithText(JSON.stringify(payload), step);
}

/** Deterministic PRNG, so measured sizes are the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const stepArb = fc.constantFrom(...STEP_IDS);

export const tokenNameArb = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 45 }),
    fc.constantFrom(
      '<img src=x onerror=alert(1)>',
      '"quoted" \\ back',
      '😀'.repeat(40),
      'token 1',
      'é',
    ),
  )
  .map((s) => cutToCodePoints(s.trim(), L.MAX_TOKEN_NAME_LENGTH).trim())
  .filter(isValidTokenName);

/** float32 values written the way the codec keeps them (shortest decimal), within ±1e6. */
export const embeddingValueArb = fc
  .oneof(
    fc.float({ min: -L.MAX_EMBEDDING_MAGNITUDE, max: L.MAX_EMBEDDING_MAGNITUDE, noNaN: true }),
    fc.float({ min: -1, max: 1, noNaN: true }),
    fc.integer({ min: -100, max: 100 }).map((n) => n / 100),
  )
  .map(toFloat32Decimal);

/**
 * `value` with each leaf (number, string, boolean, null) replaced by the first of `draw(leaf)`
 * that `fits` the whole value; a leaf none of them fits keeps its value.
 */
function varyLeaves(
  value: unknown,
  fits: (whole: unknown) => boolean,
  draw: (leaf: unknown) => unknown[],
): unknown {
  const root: Record<string, unknown> = { value: structuredClone(value) };
  const visit = (holder: Record<string, unknown>, key: string) => {
    const leaf = holder[key];
    if (typeof leaf === 'object' && leaf !== null) {
      for (const k of Object.keys(leaf)) visit(leaf as Record<string, unknown>, k);
      return;
    }
    for (const candidate of draw(leaf)) {
      holder[key] = candidate;
      if (fits(root.value)) return;
    }
    holder[key] = leaf;
  };
  visit(root, 'value');
  return root.value;
}

/**
 * A step's own fields, from its definition: each field's initial value with its leaves varied
 * (floats from `floats`, whole numbers from `picks`, text from `tokens`) wherever the field's
 * schema accepts them, so a new step's fields are covered without an edit here.
 */
function localOf(
  step: StepId,
  floats: number[],
  tokens: string[],
  picks: number[],
): Record<string, unknown> {
  const fields = stepDef(step).local ?? {};
  const local = initialLocal(fields);
  let f = 0;
  let p = 0;
  const pick = () => picks[p++ % picks.length];
  const draw = (leaf: unknown): unknown[] => {
    if (typeof leaf === 'string') return [tokens.join(' '), tokens[0]];
    if (typeof leaf === 'boolean') return [pick() % 2 === 0];
    if (typeof leaf === 'number' && !Number.isInteger(leaf)) return [floats[f++ % floats.length]];
    // Whole numbers and nulls (e.g. "no head chosen"): the widest range the schema accepts.
    const n = pick();
    return [floats[f++ % floats.length], n % 1000, n % 100, 1 + (n % 8), n % 2];
  };
  for (const [key, field] of Object.entries(fields)) {
    local[key] = varyLeaves(local[key], (v) => field.schema.safeParse(v).success, draw);
  }
  return local;
}

/** A random view within every limit, with shapes and settings unrelated to the book's. */
const randomViewArb = fc
  .record({
    step: stepArb,
    rows: fc.integer({ min: L.MIN_TOKENS, max: L.MAX_TOKENS }),
    dIn: fc.integer({ min: L.MIN_D_IN, max: L.MAX_D_IN }),
    d_out: fc.integer({ min: L.MIN_D_OUT, max: L.MAX_D_OUT }),
    headsWish: fc.integer({ min: L.MIN_HEADS, max: L.MAX_HEADS }),
    seed: fc.integer({ min: L.MIN_SEED, max: L.MAX_SEED }),
    qkv_bias: fc.boolean(),
    dropout: fc.oneof(
      fc.double({ min: 0, max: L.MAX_DROPOUT, noNaN: true }),
      fc.constantFrom(0, 0.1, 0.5, 0.95),
    ),
    training: fc.boolean(),
    causal: fc.boolean(),
    scaled: fc.boolean(),
    head_view: fc.boolean(),
    backend: fc.constantFrom(...BACKEND_CHOICES),
    hasLock: fc.boolean(),
    picks: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    toy: fc.array(embeddingValueArb, { minLength: 24, maxLength: 24 }),
  })
  .chain((r) =>
    fc
      .record({
        tokens: fc.array(tokenNameArb, { minLength: r.rows, maxLength: r.rows }),
        embeddings: fc.array(fc.array(embeddingValueArb, { minLength: r.dIn, maxLength: r.dIn }), {
          minLength: r.rows,
          maxLength: r.rows,
        }),
      })
      .map(({ tokens, embeddings }): ViewState => {
        const divisors = [1, 2, 3, 4, 5, 6, 7, 8].filter((h) => r.d_out % h === 0);
        const num_heads = divisors.includes(r.headsWish)
          ? r.headsWish
          : divisors[r.picks[0] % divisors.length];
        return {
          step: r.step,
          tokens,
          embeddings,
          seed: r.seed,
          d_out: r.d_out,
          num_heads,
          qkv_bias: r.qkv_bias,
          dropout: r.dropout + 0,
          training: r.training,
          causal: r.causal,
          scaled: r.scaled,
          head_view: r.head_view,
          backend: r.backend,
          locked: r.hasLock
            ? { head: r.picks[1] % num_heads, row: r.picks[2] % r.rows, col: r.picks[3] % r.rows }
            : null,
          scatter_dims: [r.picks[4] % r.dIn, (r.picks[4] >> 4) % r.dIn],
          local: localOf(r.step, r.toy, tokens, r.picks),
        };
      }),
  );

/** The book's example for a step with a few settings edited (most links look like this). */
const editedDefaultArb = fc
  .record({
    step: stepArb,
    edits: fc.record(
      {
        seed: fc.integer({ min: 0, max: L.MAX_SEED }),
        d_out: fc.constantFrom(2, 4, 8),
        qkv_bias: fc.boolean(),
        dropout: fc.constantFrom(0, 0.2, 0.5),
        training: fc.boolean(),
        causal: fc.boolean(),
        scaled: fc.boolean(),
        backend: fc.constantFrom(...BACKEND_CHOICES),
        scatter_dims: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
        tokens: fc.array(tokenNameArb, { minLength: 6, maxLength: 6 }),
      },
      { requiredKeys: [] },
    ),
  })
  .map(({ step, edits }): ViewState => {
    const state = { ...defaultView(step), ...edits } as ViewState;
    if (state.d_out % state.num_heads !== 0) state.num_heads = 1;
    return state;
  });

export const validViewArb = fc.oneof(randomViewArb, editedDefaultArb, stepArb.map(defaultView));

const isStep = (s: string): s is StepId => (STEP_IDS as readonly string[]).includes(s);
const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The view a link describes if the link is valid as written (nothing to repair), else null.
 * Embedding values come back exactly as written; the decoder keeps them at float32 precision.
 */
export function oracleState(hash: string): ViewState | null {
  const body = hash.replace(/^#?\/?/, '');
  const mark = body.indexOf('?');
  const path = mark < 0 ? body : body.slice(0, mark);
  if (mark < 0) return path === '' ? defaultView('3.3.1') : isStep(path) ? defaultView(path) : null;
  if (!isStep(path) || hash.length > L.MAX_LINK_LENGTH) return null;
  const query = body.slice(mark + 1);
  if (!query.startsWith('s=')) return null;
  const payload = query.slice(2);
  // Node's base64url decoder skips bad characters, so check the alphabet and canonical form.
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return null;
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.toString('base64url') !== payload) return null;
  let data: unknown;
  try {
    // Node's zlib checks the header and the Adler-32 checksum itself, but ignores bytes after
    // the stream's end: a link with bytes added after its checksum is not valid as written.
    const { buffer: json, engine } = inflateSync(bytes, {
      maxOutputLength: L.MAX_UNPACKED_BYTES,
      info: true,
    }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    if (engine.bytesWritten !== bytes.length) return null;
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(json));
  } catch {
    return null;
  }
  if (!isObject(data)) return null;
  let fields: Record<string, unknown>;
  if (data.v === 1) {
    const parsed = payloadV1Schema.safeParse(data);
    if (!parsed.success) return null;
    fields = parsed.data;
  } else {
    return null;
  }
  const { v: _v, ...settings } = fields;
  const state = { ...defaultView(path), ...settings };
  return viewStateSchema.safeParse(state).success ? (state as ViewState) : null;
}

/** `state` with its embeddings at the precision the codec keeps. */
export function atFloat32(state: ViewState): ViewState {
  return { ...state, embeddings: state.embeddings.map((row) => row.map(toFloat32Decimal)) };
}
