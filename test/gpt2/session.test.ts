import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Gpt2Client, type Gpt2WorkerLike } from '../../src/gpt2/client.ts';
import { summarizeHeads } from '../../src/gpt2/head-summary.ts';
import type { Gpt2Request, Gpt2Response } from '../../src/gpt2/protocol.ts';
import { Gpt2Session } from '../../src/gpt2/session.ts';
import { headThumbnails } from '../../src/gpt2/thumbnails.ts';
import { floats, gpt2Fixture } from './fixture.ts';

describe('Gpt2Session (what the worker answers)', () => {
  const session = new Gpt2Session();
  const book = gpt2Fixture.gpt2[0];

  it('tokenizes, computes and sends thumbnails, summaries, the context strip and one head', async () => {
    const r = await session.run({
      kind: 'run',
      id: 1,
      text: 'Your journey starts with one step',
      seed: 123,
      head: 11,
    });
    expect(r.tokens.map((t) => t.id)).toEqual(book.ids);
    expect(r.thumbSize).toBe(6);
    expect(r.thumbs).toHaveLength(12 * 36);
    const want = floats(book.output);
    for (let i = 0; i < want.length; i++) expect(r.context_vecs[i]).toBeCloseTo(want[i], 5);
    // the open head is head 11, full size, equal to PyTorch's
    expect(r.head?.index).toBe(11);
    const head11 = floats(book.attn_weights_head11);
    for (let i = 0; i < 36; i++) expect(r.head?.weights[i]).toBeCloseTo(head11[i], 6);
    // the token embedding preview is the start of PyTorch's row for " journey"
    const journey = floats((book.token_rows as unknown as Record<string, string>)['7002']);
    expect(Array.from(r.tok_emb.subarray(8, 16))).toEqual(Array.from(journey.subarray(0, 8)));
    // opening another head costs no forward pass and gives that head
    const h = session.head({ kind: 'head', id: 2, head: 0 });
    const head0 = floats(book.attn_weights_head0);
    for (let i = 0; i < 36; i++) expect(h.head?.weights[i]).toBeCloseTo(head0[i], 6);
  });

  it('an empty text gives no tokens, a note and empty tensors', async () => {
    const r = await session.run({ kind: 'run', id: 3, text: '', seed: 123, head: 0 });
    expect(r.tokens).toEqual([]);
    expect(r.note).toMatch(/empty/);
    expect(r.context_vecs).toHaveLength(0);
    expect(r.head).toBeNull();
  });
});

describe('head summaries and thumbnails', () => {
  it('a head that looks only at the current token: entropy 0, looks back 0; uniform: log-mean and (i)/2', () => {
    const t = 4;
    const diag = new Float32Array(t * t);
    const uniform = new Float32Array(t * t);
    for (let i = 0; i < t; i++) {
      diag[i * t + i] = 1;
      for (let j = 0; j <= i; j++) uniform[i * t + j] = 1 / (i + 1);
    }
    const both = new Float32Array([...diag, ...uniform]);
    const s = summarizeHeads(both, 2, t);
    expect(s.entropy[0]).toBe(0);
    expect(s.lookback[0]).toBe(0);
    expect(s.entropy[1]).toBeCloseTo(
      (Math.log(1) + Math.log(2) + Math.log(3) + Math.log(4)) / 4,
      6,
    );
    expect(s.lookback[1]).toBeCloseTo((0 + 0.5 + 1 + 1.5) / 4, 6);
  });

  it('thumbnails are the map itself up to 128 tokens and keep every block maximum beyond', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (t, seed) => {
          const w = new Float32Array(t * t);
          let x = seed;
          for (let i = 0; i < t; i++) {
            for (let j = 0; j <= i; j++) {
              x = (Math.imul(x, 1103515245) + 12345) >>> 0;
              w[i * t + j] = x / 2 ** 32;
            }
          }
          const th = headThumbnails(w, 1, t);
          const s = Math.min(t, 128);
          expect(th).toHaveLength(s * s);
          if (t <= 128) expect(Array.from(th)).toEqual(Array.from(w));
          let maxAll = 0;
          for (const v of w) maxAll = Math.max(maxAll, v);
          expect(Math.max(...th)).toBe(maxAll);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('Gpt2Client: latest wins', () => {
  it('sends one request at a time and only the newest of those queued; drops stale replies', () => {
    const sent: Gpt2Request[] = [];
    const listeners: ((e: MessageEvent<Gpt2Response>) => void)[] = [];
    const worker: Gpt2WorkerLike = {
      postMessage: (m) => sent.push(m),
      addEventListener: (_t, l) => listeners.push(l),
      terminate: () => {},
    };
    const results: number[] = [];
    const client = new Gpt2Client(worker, {
      onResult: (r) => results.push(r.id),
      onHead: () => {},
      onError: () => {},
    });
    client.run('a', 1, null);
    client.run('ab', 1, null);
    client.run('abc', 1, 3);
    expect(sent.map((m) => m.id)).toEqual([1]);
    const reply = (id: number) =>
      ({ kind: 'result', id, tokens: [], head: null }) as unknown as Gpt2Response;
    listeners[0]({ data: reply(1) } as MessageEvent<Gpt2Response>);
    expect(results).toEqual([]);
    expect(sent.map((m) => m.id)).toEqual([1, 3]);
    expect(sent[1]).toMatchObject({ kind: 'run', text: 'abc', head: 3 });
    listeners[0]({ data: reply(3) } as MessageEvent<Gpt2Response>);
    expect(results).toEqual([3]);
  });
});
