import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { Gpt2Client, type Gpt2WorkerLike } from '../../src/gpt2/client.ts';
import { headMaps } from '../../src/gpt2/head-summary.ts';
import type { ClientRequest, Gpt2Response, Gpt2Want } from '../../src/gpt2/protocol.ts';
import { SeekableStream } from '../../src/gpt2/seekable-stream.ts';
import { Gpt2Session, tablesRows } from '../../src/gpt2/session.ts';
import { floats, gpt2Fixture } from './fixture.ts';

const ALL: Gpt2Want = { thumbs: true, context: true, head: null, window: null };
const NONE: Gpt2Want = { thumbs: false, context: false, head: null, window: null };

describe('Gpt2Session (what the worker answers)', () => {
  const session = new Gpt2Session();
  const book = gpt2Fixture.gpt2[0];
  const run = (id: number, text: string, want: Gpt2Want) =>
    session.run({ kind: 'run', id, text, seed: 123, want });

  it('tokenizes, computes and sends thumbnails, summaries, the context strip and one head', async () => {
    const r = await run(1, 'Your journey starts with one step', { ...ALL, head: 11 });
    expect(r.tokens.map((t) => t.id)).toEqual(book.ids);
    expect(r.thumbSize).toBe(6);
    expect(r.thumbs).toHaveLength(12 * 36);
    // one byte a pixel: the weight 1 of the first query (every head) is the ramp's top
    expect(r.thumbs?.[0]).toBe(255);
    const want = floats(book.output);
    for (let i = 0; i < want.length; i++) expect(r.context_vecs?.[i]).toBeCloseTo(want[i], 5);
    // the open head is head 11, full size, equal to PyTorch's
    expect(r.head?.index).toBe(11);
    const head11 = floats(book.attn_weights_head11);
    for (let i = 0; i < 36; i++) expect(r.head?.weights[i]).toBeCloseTo(head11[i], 6);
    // the token embedding preview is the start of PyTorch's row for " journey"
    const journey = floats((book.token_rows as unknown as Record<string, string>)['7002']);
    expect(Array.from(r.tok_emb.subarray(8, 16))).toEqual(Array.from(journey.subarray(0, 8)));
    // opening another head costs no forward pass and gives that head
    const h = session.fetch({ kind: 'fetch', id: 2, want: { ...NONE, head: 0 } });
    const head0 = floats(book.attn_weights_head0);
    for (let i = 0; i < 36; i++) expect(h.head?.weights[i]).toBeCloseTo(head0[i], 6);
    // and nothing else: the bytes sent are that head's 6 × 6 float32 weights
    expect([h.thumbs, h.context_vecs, h.window]).toEqual([null, null, null]);
    expect(h.bytes).toBe(36 * 4);
  });

  it('sends only what the view draws: a run with nothing on screen moves the previews alone', async () => {
    const r = await run(4, 'Your journey starts', NONE);
    expect([r.thumbs, r.context_vecs, r.head, r.window]).toEqual([null, null, null, null]);
    expect(r.bytes).toBe(2 * 3 * 8 * 4); // tok_emb and pos_emb previews, [3, 8] each
    expect(r.entropy).toHaveLength(12);
  });

  it('the head view’s window: every head, those rows and keys, and the weight outside', async () => {
    await run(5, 'Your journey starts with one step', NONE);
    const head11 = floats(book.attn_weights_head11);
    const f = session.fetch({
      kind: 'fetch',
      id: 6,
      want: { ...NONE, window: { start: 2, size: 3 } },
    });
    expect(f.window).toHaveLength(12);
    const s = f.window?.[11];
    expect([s?.rowStart, s?.colStart, s?.rows, s?.cols]).toEqual([2, 2, 3, 3]);
    for (let r = 0; r < 3; r++) {
      let before = 0;
      for (let c = 0; c < 2; c++) before += head11[(2 + r) * 6 + c];
      expect(s?.outside?.[r]).toBeCloseTo(before, 6);
      for (let c = 0; c < 3; c++)
        expect(s?.values[r * 3 + c]).toBeCloseTo(head11[(2 + r) * 6 + 2 + c], 6);
    }
    expect(f.bytes).toBe(12 * (9 + 3) * 4);
    // a window past the end of a shorter text is fitted to it
    const g = session.fetch({
      kind: 'fetch',
      id: 7,
      want: { ...NONE, window: { start: 5, size: 24 } },
    });
    expect([g.window?.[0].rowStart, g.window?.[0].rows]).toEqual([0, 6]);
  });

  it('prepare draws a text’s weights and rows ahead: its first run draws none and equals PyTorch', async () => {
    const fresh = new Gpt2Session();
    await fresh.prepare('Your journey starts with one step', 123);
    const seeks = vi.spyOn(SeekableStream.prototype, 'at');
    const r = await fresh.run({
      kind: 'run',
      id: 1,
      text: 'Your journey starts with one step',
      seed: 123,
      want: ALL,
    });
    // the weights and the rows come from the tables prepare filled: this run draws nothing,
    // and the layer was computed by the prepare too
    expect(seeks).not.toHaveBeenCalled();
    expect(Object.keys(r.phases)).not.toContain('layer');
    seeks.mockRestore();
    const want = floats(book.output);
    for (let i = 0; i < want.length; i++) expect(r.context_vecs?.[i]).toBeCloseTo(want[i], 5);
    // another seed is not the prepared one: its run computes the layer
    const other = await fresh.run({
      kind: 'run',
      id: 2,
      text: 'Your journey',
      seed: 7,
      want: NONE,
    });
    expect(Object.keys(other.phases)).toContain('layer');
  });

  it('the first run after a prepare carries the prepare’s marks, once', async () => {
    const text = 'Your journey starts with one step';
    const fresh = new Gpt2Session();
    await fresh.prepare(text, 123);
    const r = await fresh.run({ kind: 'run', id: 1, text, seed: 123, want: NONE });
    const names = r.marks?.map((m) => m.name) ?? [];
    expect(names).toEqual([
      'prepare-weights',
      'prepare-positions',
      'prepare-tokenizer',
      'prepare-tokenize',
      'prepare-token-rows',
      'prepare-embeddings',
      'prepare-layer',
      'prepare-summaries',
      'run',
    ]);
    for (const m of r.marks ?? []) expect(m.ms).toBeGreaterThanOrEqual(0);
    // on the clock every thread shares: the marks follow one another
    const ats = r.marks?.map((m) => m.at) ?? [];
    expect(ats).toEqual([...ats].sort((x, y) => x - y));
    // its time says what computing the text took: the prepare's layer and summaries included
    const computed = (r.marks ?? [])
      .filter((m) => ['prepare-embeddings', 'prepare-layer', 'prepare-summaries'].includes(m.name))
      .reduce((sum, m) => sum + m.ms, 0);
    expect(r.ms).toBeGreaterThanOrEqual(computed * 0.99);
    const again = await fresh.run({ kind: 'run', id: 2, text, seed: 123, want: NONE });
    expect(again.marks).toBeUndefined();
    // counted once: a run of the same text again copies only
    expect(again.ms).toBeLessThan(r.ms);
  });

  it('tablesRows: one position row per UTF-8 byte at most, never past the context', () => {
    expect(tablesRows('')).toBe(0);
    expect(tablesRows('Your journey')).toBe(12);
    expect(tablesRows('é€𝄞')).toBe(2 + 3 + 4);
    expect(tablesRows('x'.repeat(5000))).toBe(1024);
  });

  it('an empty text gives no tokens, a note and empty tensors', async () => {
    const r = await run(3, '', { ...ALL, head: 0 });
    expect(r.tokens).toEqual([]);
    expect(r.note).toMatch(/empty/);
    expect(r.context_vecs).toHaveLength(0);
    expect(r.head).toBeNull();
  });
});

describe('head summaries and thumbnails (one pass)', () => {
  /** Raw scores whose softmax (÷ div, causal) the maps read, and those weights. */
  function causalSoftmax(scores: Float32Array, heads: number, t: number, div: number) {
    const w = new Float32Array(heads * t * t);
    for (let r = 0; r < heads * t; r++) {
      const i = r % t;
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j <= i; j++) max = Math.max(max, scores[r * t + j] / div);
      let sum = 0;
      for (let j = 0; j <= i; j++) sum += Math.exp(scores[r * t + j] / div - max);
      for (let j = 0; j <= i; j++) w[r * t + j] = Math.exp(scores[r * t + j] / div - max) / sum;
    }
    return w;
  }

  it('a head that looks only at the current token: entropy 0, looks back 0; uniform: log-mean and (i)/2', () => {
    const t = 4;
    // head 0: the diagonal's score far above the others; head 1: all scores equal
    const scores = new Float32Array(2 * t * t);
    for (let i = 0; i < t; i++) scores[i * t + i] = 400;
    const both = causalSoftmax(scores, 2, t, 1);
    const s = headMaps(both, 2, t);
    expect(s.entropy[0]).toBe(0);
    expect(s.lookback[0]).toBe(0);
    expect(s.entropy[1]).toBeCloseTo(
      (Math.log(1) + Math.log(2) + Math.log(3) + Math.log(4)) / 4,
      6,
    );
    expect(s.lookback[1]).toBeCloseTo((0 + 0.5 + 1 + 1.5) / 4, 6);
  });

  it('entropy is the rows’ mean −Σ w log w, and thumbnails keep every block maximum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.constantFrom(1, 8),
        (t, seed, div) => {
          const scores = new Float32Array(t * t);
          let x = seed;
          for (let k = 0; k < t * t; k++) {
            x = (Math.imul(x, 1103515245) + 12345) >>> 0;
            scores[k] = (x / 2 ** 32 - 0.5) * 40;
          }
          const w = causalSoftmax(scores, 1, t, div);
          const maps = headMaps(w, 1, t);
          let e = 0;
          let back = 0;
          for (let i = 0; i < t; i++)
            for (let j = 0; j <= i; j++) {
              const v = w[i * t + j];
              if (v > 0) e -= v * Math.log(v);
              back += v * (i - j);
            }
          expect(maps.entropy[0]).toBeCloseTo(e / t, 5);
          expect(maps.lookback[0]).toBeCloseTo(back / t, 4);
          const s = Math.min(t, 128);
          const th = maps.thumbs;
          expect(th).toHaveLength(s * s);
          if (t <= 128) expect(Array.from(th)).toEqual(Array.from(w));
          // each pixel is the largest weight of the cells it covers
          for (let a = 0; a < s; a += 7)
            for (let b = 0; b <= a; b += 5) {
              let m = 0;
              for (let i = 0; i < t; i++)
                for (let j = 0; j <= i; j++)
                  if (Math.floor((i * s) / t) === a && Math.floor((j * s) / t) === b)
                    m = Math.max(m, w[i * t + j]);
              expect(th[a * s + b]).toBe(m);
            }
          // what the page draws: each pixel's place on the log scale 10⁻⁴ … 1, in 256 steps
          const shades = Array.from(th, (v) =>
            v <= 1e-4 ? 0 : Math.round(((Math.log10(v) + 4) / 4) * 255),
          );
          expect(Array.from(maps.shades)).toEqual(shades);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('with the kernels’ row stats, rows from `from` take them: same thumbnails, no log per weight', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 260 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.nat(),
        (t, seed, cut) => {
          const from = cut % (t + 1);
          const scores = new Float32Array(2 * t * t);
          let x = seed;
          for (let k = 0; k < scores.length; k++) {
            x = (Math.imul(x, 1103515245) + 12345) >>> 0;
            scores[k] = (x / 2 ** 32 - 0.5) * 30;
          }
          const w = causalSoftmax(scores, 2, t, 8);
          // Stats as the kernels give them ([heads, T, 2] float32), each row's offset by a
          // marker so the test sees which rows were taken from them.
          const stats = new Float32Array(2 * t * 2);
          for (let h = 0; h < 2; h++)
            for (let i = 0; i < t; i++) {
              let e = 0;
              let mean = 0;
              for (let j = 0; j <= i; j++) {
                const v = w[(h * t + i) * t + j];
                if (v > 0) e -= v * Math.log(v);
                mean += v * j;
              }
              stats[(h * t + i) * 2] = e + 0.25;
              stats[(h * t + i) * 2 + 1] = mean - 0.5;
            }
          const plain = headMaps(w, 2, t);
          const maps = headMaps(w, 2, t, null, from, { stats });
          expect(Array.from(maps.thumbs)).toEqual(Array.from(plain.thumbs));
          expect(Array.from(maps.shades)).toEqual(Array.from(plain.shades));
          for (let h = 0; h < 2; h++) {
            for (let i = 0; i < t; i++) {
              const k = h * t + i;
              const marker = i >= from ? 1 : 0;
              expect(maps.rowEntropy[k]).toBeCloseTo(plain.rowEntropy[k] + 0.25 * marker, 5);
              expect(maps.rowBack[k]).toBeCloseTo(plain.rowBack[k] + 0.5 * marker, 3);
            }
            const taken = (t - from) / t;
            expect(maps.entropy[h]).toBeCloseTo(plain.entropy[h] + 0.25 * taken, 5);
            expect(maps.lookback[h]).toBeCloseTo(plain.lookback[h] + 0.5 * taken, 3);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('Gpt2Client: latest wins', () => {
  it('sends one request at a time and only the newest of those queued; drops stale replies', () => {
    const sent: ClientRequest[] = [];
    const listeners: ((e: MessageEvent<Gpt2Response>) => void)[] = [];
    const worker: Gpt2WorkerLike = {
      postMessage: (m) => sent.push(m),
      addEventListener: (_t, l) => listeners.push(l),
      terminate: () => {},
    };
    const results: number[] = [];
    const client = new Gpt2Client(worker, {
      onResult: (r) => results.push(r.id),
      onFetch: () => {},
      onError: () => {},
    });
    client.run('a', 1, NONE);
    client.run('ab', 1, NONE);
    client.run('abc', 1, { ...NONE, head: 3 });
    // a fetch behind a waiting run joins it (the run's answer then carries it too)
    client.fetch({ ...NONE, context: true });
    expect(sent.map((m) => m.id)).toEqual([1]);
    const reply = (id: number) =>
      ({ kind: 'result', id, tokens: [], head: null }) as unknown as Gpt2Response;
    listeners[0]({ data: reply(1) } as MessageEvent<Gpt2Response>);
    expect(results).toEqual([]);
    expect(sent.map((m) => m.id)).toEqual([1, 3]);
    expect(sent[1]).toMatchObject({
      kind: 'run',
      text: 'abc',
      want: { thumbs: false, context: true, head: 3, window: null },
    });
    listeners[0]({ data: reply(3) } as MessageEvent<Gpt2Response>);
    expect(results).toEqual([3]);
  });
});
