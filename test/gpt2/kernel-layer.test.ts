import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gpt2Weights } from '../../src/gpt2/embeddings.ts';
import { KernelLayer } from '../../src/gpt2/kernel-layer.ts';
import { causalMha, type LayerResult } from '../../src/gpt2/layer.ts';
import { Gpt2Session } from '../../src/gpt2/session.ts';
import type { Team } from '../../src/kernels/team.ts';
import { nodeTeam } from '../kernels/node-team.ts';
import { floats, gpt2Fixture } from './fixture.ts';

const tables = new Map(gpt2Fixture.gpt2.map((c) => [c.seed, new Gpt2Weights(c.seed)]));

function maxDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/**
 * The engine's float32 tolerance (test/kernels/mha.test.ts): 1e-5 of the tensor's largest |x|,
 * never below 1e-6. Sums of 768 float32 products in another order differ by a few 1e-7.
 */
function expectClose(got: Float32Array, want: Float32Array): void {
  const scale = want.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  expect(maxDiff(got, want)).toBeLessThanOrEqual(Math.max(1e-5 * scale, 1e-6));
}

describe.each([
  ['relaxed', 1],
  ['plain', 2],
] as const)('the GPT-2 layer on the kernels (%s build, %i thread(s))', (build, threads) => {
  let team: Team;
  let layer: KernelLayer;
  beforeAll(async () => {
    team = await nodeTeam(build, threads);
    layer = new KernelLayer(team);
  });
  afterAll(() => team.stop());

  it('says what computed it', () => {
    expect(layer.label).toBe(threads === 1 ? 'kernels, 1 thread' : `kernels, ${threads} threads`);
  });

  it.each(gpt2Fixture.gpt2)('matches PyTorch after torch.manual_seed($seed)', (c) => {
    const w = tables.get(c.seed) as Gpt2Weights;
    const t = c.ids.length;
    const out = layer.run(w.input(c.ids), t, w.attention());
    expectClose(out.context_vecs, floats(c.output));
    const n = t * t;
    expectClose(out.attn_weights.slice(0, n), floats(c.attn_weights_head0));
    expectClose(out.attn_weights.slice(11 * n), floats(c.attn_weights_head11));
  });

  it('equals the reference layer on any text: weights 0 above the diagonal, rows sum to 1', () => {
    const w = tables.get(123) as Gpt2Weights;
    const mha = w.attention();
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50_256 }), { minLength: 1, maxLength: 40 }),
        (ids) => {
          const t = ids.length;
          const x = w.input(ids);
          const want = causalMha(x, t, mha);
          const got = layer.run(x, t, mha);
          expectClose(got.context_vecs, want.context_vecs);
          expectClose(got.attn_weights, want.attn_weights);
          for (let r = 0; r < 12 * t; r++) {
            const i = r % t;
            let sum = 0;
            for (let j = 0; j < t; j++) {
              const v = got.attn_weights[r * t + j];
              if (j > i) expect(v).toBe(0);
              sum += v;
            }
            expect(sum).toBeCloseTo(1, 5);
          }
          // The scores were overwritten by the weights in place: none are kept.
          expect(got.attn_scores).toHaveLength(0);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('changed rows on the kernels equal a fresh pass bit for bit, edit after edit, any T, with the keys packed ahead or not', () => {
    const w = tables.get(123) as Gpt2Weights;
    const mha = w.attention();
    const copy = (l: LayerResult): LayerResult => ({
      t: l.t,
      q: l.q.slice(),
      k: l.k.slice(),
      v: l.v.slice(),
      ctx: l.ctx.slice(),
      attn_scores: l.attn_scores.slice(),
      attn_weights: l.attn_weights.slice(),
      context_vecs: l.context_vecs.slice(),
      row_stats: l.row_stats?.slice(),
      thumbs: l.thumbs?.slice(),
    });
    const expectSame = (got: LayerResult, fresh: LayerResult, from = 0) => {
      const t = fresh.t;
      expect(got.t).toBe(t);
      expect(got.context_vecs).toEqual(fresh.context_vecs);
      expect(got.attn_weights).toEqual(fresh.attn_weights);
      expect(got.q).toEqual(fresh.q);
      expect(got.v).toEqual(fresh.v);
      expect(got.ctx).toEqual(fresh.ctx);
      for (let r = 0; r < 12 * t; r++) {
        const row = r * t;
        const lower = (a: Float32Array) => a.subarray(row, row + (r % t) + 1);
        expect(lower(got.attn_scores)).toEqual(lower(fresh.attn_scores));
      }
      // the kernels' thumbnails are whole after an edit; their row stats are current from `from`
      expect(got.thumbs).toEqual(fresh.thumbs);
      const stats = (l: LayerResult) =>
        Array.from({ length: 12 }, (_, h) =>
          Array.from(l.row_stats?.subarray((h * t + from) * 2, (h + 1) * t * 2) ?? []),
        );
      expect(stats(got)).toEqual(stats(fresh));
    };
    const id = fc.integer({ min: 0, max: 50_256 });
    const edit = fc.record({
      cut: fc.nat(),
      tail: fc.array(id, { minLength: 1, maxLength: 12 }),
      // same T: the tail replaces as many tokens as it has (the kernels' memory is updated in place)
      sameT: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(id, { minLength: 2, maxLength: 48 }),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        (first, edits, live, prepared) => {
          const texts = [first];
          const froms: number[] = [];
          for (const { cut, tail, sameT } of edits) {
            const ids = texts[texts.length - 1];
            const k = Math.min(tail.length, ids.length - 1);
            const from = sameT ? ids.length - k : 1 + (cut % ids.length);
            froms.push(from);
            texts.push([...ids.slice(0, from), ...(sameT ? tail.slice(0, k) : tail)]);
          }
          const fresh = texts.map((ids) => copy(layer.run(w.input(ids), ids.length, mha)));
          // `live`: the last pass is still in the kernels' memory; else its copy is handed back
          const run = layer.run(w.input(first), first.length, mha);
          // `prepared`: the keys and values were packed for edits in idle time after the pass;
          // the pass's own tensors are unchanged by it
          if (prepared) {
            layer.prepareEdits();
            expectSame(run, fresh[0]);
          }
          let got = live ? run : copy(run);
          froms.forEach((from, e) => {
            const ids = texts[e + 1];
            got = layer.extend(got, w.input(ids, from), ids.length, from, mha);
            expectSame(got, fresh[e + 1], from);
          });
        },
      ),
      { numRuns: 15 },
    );
  }, 60_000);

  it('in the session: the book sentence, its summaries as with the reference layer', async () => {
    const book = gpt2Fixture.gpt2[0];
    const want = { thumbs: true, context: true, head: 11, window: null };
    const req = {
      kind: 'run',
      id: 1,
      text: 'Your journey starts with one step',
      seed: 123,
      want,
    } as const;
    const fast = await new Gpt2Session(Promise.resolve(layer)).run(req);
    const slow = await new Gpt2Session().run(req);
    expect(fast.computedBy).toBe(layer.label);
    expect(slow.computedBy).toBe('reference TS');
    expect(fast.tokens.map((t) => t.id)).toEqual(book.ids);
    expectClose(fast.context_vecs as Float32Array, floats(book.output));
    expectClose(fast.head?.weights as Float32Array, floats(book.attn_weights_head11));
    for (let h = 0; h < 12; h++) {
      expect(fast.entropy[h]).toBeCloseTo(slow.entropy[h], 5);
      expect(fast.lookback[h]).toBeCloseTo(slow.lookback[h], 5);
    }
    // the thumbnails' colour indices: the same, or the next step where a weight lies on a boundary
    const [a, b] = [fast.thumbs as Uint8Array, slow.thumbs as Uint8Array];
    expect(a).toHaveLength(b.length);
    for (let k = 0; k < a.length; k++) expect(Math.abs(a[k] - b[k])).toBeLessThanOrEqual(1);
  });

  it('an edit near the end computes only its rows and equals a fresh run on the new text', async () => {
    const words = [' cat', ' dog', ' the', ' step', ' journey', ' with', ' one', '.', ' a'];
    const text = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 150 });
    // One session edits; the other computes each new text whole (after an empty text).
    const edited = new Gpt2Session(Promise.resolve(layer));
    const whole = new Gpt2Session(Promise.resolve(layer));
    let id = 0;
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.nat(6),
        fc.array(fc.constantFrom(...words), { maxLength: 4 }),
        async (a, cut, tail) => {
          const before = `Your${a.join('')}`;
          const after = `Your${a.slice(0, Math.max(0, a.length - cut)).join('')}${tail.join('')}`;
          const want = { thumbs: true, context: true, head: 3, window: null };
          const first = await edited.run({ kind: 'run', id: ++id, text: before, seed: 123, want });
          const got = await edited.run({ kind: 'run', id: ++id, text: after, seed: 123, want });
          await whole.run({ kind: 'run', id: ++id, text: '', seed: 123, want });
          const fresh = await whole.run({ kind: 'run', id: ++id, text: after, seed: 123, want });
          expect(got.tokens).toEqual(fresh.tokens);
          expectClose(got.context_vecs as Float32Array, fresh.context_vecs as Float32Array);
          expect(got.thumbs).toEqual(fresh.thumbs);
          expectClose(got.head?.weights as Float32Array, fresh.head?.weights as Float32Array);
          for (let h = 0; h < 12; h++) {
            expect(got.entropy[h]).toBeCloseTo(fresh.entropy[h], 5);
            expect(got.lookback[h]).toBeCloseTo(fresh.lookback[h], 4);
          }
          // weights stay exactly 0 above the diagonal in the rows the edit recomputed
          const t = got.tokens.length;
          const w = got.head?.weights as Float32Array;
          for (let i = 0; i < t; i++) for (let j = i + 1; j < t; j++) expect(w[i * t + j]).toBe(0);
          // and the rows were computed one by one exactly when few changed
          const old = first.tokens.map((tok) => tok.id);
          let from = 0;
          while (from < t && from < old.length && old[from] === got.tokens[from].id) from++;
          const same = from === t && t === old.length;
          const rows = from > 0 && t - from <= layer.rowLimit(t);
          expect(got.phases['layer (changed rows)'] !== undefined).toBe(!same && rows);
          expect(got.phases.layer !== undefined).toBe(!same && !rows);
        },
      ),
      { numRuns: 8, examples: [[Array(100).fill(' word'), 1, [' dog']]] },
    );
  }, 120_000);
});
