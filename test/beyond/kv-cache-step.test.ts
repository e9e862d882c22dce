/** §4.2: its own fields and their repairs, its engine request, and cached ≡ full as a property. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheDeltas, kvPanels } from '../../src/chapter/beyond/kv-panels.ts';
import {
  fitKv,
  generatedField,
  kvGroupsField,
  prefillField,
} from '../../src/chapter/beyond/kv-state.ts';
import { CELL } from '../../src/chapter/panels/types.ts';
import { kvGroups, kvProgress, kvWork, withKv } from '../../src/chapter/steps/4.2-kv-cache.ts';
import { configsFor } from '../../src/chapter/steps/index.ts';
import { defaultView, type ViewState } from '../../src/chapter/view.ts';
import { runAttention } from '../../src/engine/index.ts';
import { decodeView, encodeView, messages } from '../../src/permalink/index.ts';
import beyond from '../fixtures/beyond-traces.json' with { type: 'json' };
import { linkWith } from '../permalink/helpers.ts';

const kv = beyond.kv_cache;
const mqa = beyond.kv_cache_mqa;
const flat = (x: unknown): number[] => (Array.isArray(x) ? x.flatMap(flat) : [x as number]);
const withLocal = (local: Record<string, unknown>): ViewState => ({
  ...defaultView('4.2'),
  local: { ...defaultView('4.2').local, ...local },
});

describe('§4.2 KV cache: the step', () => {
  it('opens with a prompt of 3 and one generated token: the oracle’s kv_cache config', () => {
    const view = defaultView('4.2');
    expect(kvProgress(view)).toEqual({ prefill: 3, generated: 1, t: 4, newFrom: 3, problems: [] });
    const [config] = configsFor(view);
    const { tokens, embeddings, seed, d_out, num_heads, kv_cache } = kv.config;
    expect(config).toMatchObject({ tokens, embeddings, seed, d_out, num_heads, kv_cache });
    const trace = runAttention(config);
    const cached = trace.cached;
    if (!cached) throw new Error('no cached path');
    expect(Array.from(cached.output.data)).toEqual(
      flat(kv.cached.output).map((x) => expect.closeTo(x, 6)),
    );
    expect(Array.from(cached.keys.data)).toEqual(
      flat(kv.cached.keys).map((x) => expect.closeTo(x, 6)),
    );
    // The cached calls' weights are the full pass's, row for row (PyTorch's attn_weights).
    expect(Array.from(cached.attn_weights.data)).toEqual(
      flat(kv.attn_weights).map((x) => expect.closeTo(x, 6)),
    );
  });

  it('panels: cached rows dimmed, the new row bright, masked above the diagonal; ids unique', () => {
    const view = defaultView('4.2');
    const groups = kvPanels(runAttention(configsFor(view)[0]), kvProgress(view).newFrom);
    const panels = groups.flatMap((g) => g.panels);
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    const weights = panels.find((p) => p.id === 'attn_weights.h1');
    expect(Array.from(weights?.status ?? [])).toEqual([
      ...[CELL.cached, CELL.masked, CELL.masked, CELL.masked],
      ...[CELL.cached, CELL.cached, CELL.masked, CELL.masked],
      ...[CELL.cached, CELL.cached, CELL.cached, CELL.masked],
      ...[CELL.normal, CELL.normal, CELL.normal, CELL.normal],
    ]);
    const keys = panels.find((p) => p.id === 'cache_k.h2');
    expect(keys?.label).toBe('cached keys, head 2');
    expect(Array.from(keys?.status ?? [])).toEqual([3, 3, 3, 3, 3, 3, 0, 0]);
    expect(weights?.formula?.(3, 1).text).toContain('α42');
    const checks = groups.flatMap((g) => g.checks ?? []);
    expect(checks.map((c) => c.ok)).toEqual([true, true]);
    expect(checks[1].text).toMatch(
      /^The running output \(cached\) against the full causal pass: max \|Δ\| = /,
    );
  });

  it('Step, Reset and the prompt length stay within the tokens', () => {
    let view = defaultView('4.2');
    view = withKv(view, { generated: kvProgress(view).generated + 1 });
    expect(kvProgress(view)).toMatchObject({ generated: 2, t: 5 });
    view = withKv(view, { generated: 99 });
    expect(kvProgress(view)).toMatchObject({ generated: 3, t: 6, problems: [] });
    view = withKv(view, { prefill: 5 });
    expect(view.local).toEqual({ prefill: 5, generated: 1, kv_groups: 2 });
    view = withKv(view, { generated: 0 });
    expect(kvProgress(view)).toMatchObject({ t: 5, newFrom: 0 });
    expect(configsFor(view)[0].kv_cache).toEqual({ prefill: 5 });
  });

  it('fits stale values to the tokens, saying what it changed', () => {
    expect(fitKv({ prefill: 9, generated: 1 }, 6)).toEqual({
      prefill: 6,
      generated: 0,
      t: 6,
      newFrom: 0,
      problems: [
        'The prompt (prefill = 9) must be 1 to 6 tokens; using 6.',
        '1 token generated does not fit after a prompt of 6 in 6 tokens; using 0.',
      ],
    });
    expect(fitKv({ prefill: 2, generated: 7 }, 6).generated).toBe(4);
  });

  it('hostile links: negative or huge values are clamped with a message; prefill > T fitted at use', () => {
    const link = (local: unknown) => linkWith({ v: 1, local }, '4.2');
    const negative = decodeView(link({ prefill: -4, generated: 1 }));
    expect(negative.state.local).toEqual({ prefill: 1, generated: 1, kv_groups: 2 });
    expect(negative.problems).toEqual([messages.localFitted(prefillField.label, 'prefill')]);
    const huge = decodeView(link({ prefill: 2, generated: 1e9 }));
    expect(huge.state.local).toEqual({ prefill: 2, generated: 32, kv_groups: 2 });
    expect(huge.problems).toEqual([messages.localFitted(generatedField.label, 'generated')]);
    expect(kvProgress(huge.state)).toMatchObject({ prefill: 2, generated: 4, t: 6 });
    expect(kvProgress(huge.state).problems).toHaveLength(1);
    const past = decodeView(link({ prefill: 8, generated: 3 }));
    expect(past.problems).toEqual([]);
    expect(kvProgress(past.state)).toMatchObject({ prefill: 6, generated: 0, t: 6 });
    expect(decodeView(link({ prefill: 'x' })).problems).toEqual([
      messages.localInvalid(prefillField.label, 'prefill'),
    ]);
  });

  it('an edited view travels in the link and reads back whole', () => {
    const view = withLocal({ prefill: 2, generated: 3 });
    expect(decodeView(encodeView(view))).toEqual({ state: view, problems: [] });
  });

  it('counts the work: both ways equal at the prompt, the cache cheaper after it', () => {
    const work = kvWork(withLocal({ generated: 0 }));
    expect(work.with).toBe(work.without);
    const later = kvWork(withLocal({ generated: 3 }));
    expect(later.with).toBeLessThan(later.without);
    expect(later.curve.map((p) => p.tokens)).toEqual([3, 4, 5, 6]);
  });
});

describe('§4.2 with KV groups (GQA / MQA): the cache per shared K/V head', () => {
  it('one KV group (MQA) asks the engine for gqa, and matches PyTorch’s cached keys and output', () => {
    const view = withLocal({ kv_groups: 1 });
    expect(kvGroups(view)).toEqual({ wanted: 1, groups: 1, problem: null });
    const [config] = configsFor(view);
    expect(config).toMatchObject({ variant: 'gqa', num_kv_groups: 1, kv_cache: { prefill: 3 } });
    const { tokens, embeddings, seed, d_out, num_heads, kv_cache, num_kv_groups } = mqa.config;
    expect(config).toMatchObject({
      tokens,
      embeddings,
      seed,
      d_out,
      num_heads,
      kv_cache,
      num_kv_groups,
    });
    const trace = runAttention(config);
    const cached = trace.cached;
    if (!cached) throw new Error('no cached path');
    expect(cached.keys.shape).toEqual([1, 1, 4, 2]);
    for (const name of ['keys', 'values', 'output'] as const)
      expect(Array.from(cached[name].data), name).toEqual(
        flat(mqa.cached[name]).map((x) => expect.closeTo(x, 6)),
      );
    expect(Array.from(cached.attn_weights.data)).toEqual(
      flat(mqa.attn_weights).map((x) => expect.closeTo(x, 6)),
    );
  });

  it('panels: one cache pair per K/V head, named by it; both query heads read it', () => {
    const view = withLocal({ kv_groups: 1 });
    const groups = kvPanels(runAttention(configsFor(view)[0]), kvProgress(view).newFrom);
    const [cache] = groups;
    expect(cache.panels.map((p) => `${p.id}: ${p.label}`)).toEqual([
      'cache_k.g1: cached keys, K/V head 1',
      'cache_v.g1: cached values, K/V head 1',
    ]);
    expect(cache.note).toContain(
      '1 K/V head for 2 query heads: K/V head 1 serves query heads 1, 2.',
    );
    const panels = groups.flatMap((g) => g.panels);
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    // Each head's weights and their formulas read the shared keys without running out of range.
    for (const id of ['attn_weights.h1', 'attn_weights.h2'])
      expect(panels.find((p) => p.id === id)?.formula?.(3, 1).text).toContain('α42');
    expect(groups.flatMap((g) => g.checks ?? []).map((c) => c.ok)).toEqual([true, true]);
  });

  it('the cache shrinks by heads / groups; the work counts only the K/V projections less', () => {
    const mha = kvWork(withLocal({}));
    const one = kvWork(withLocal({ kv_groups: 1 }));
    // 4 tokens × (keys + values) × head_dim 2, for 2 heads or 1 shared head.
    expect(mha.cached).toBe(32);
    expect(one.cached).toBe(16);
    expect(one.cachedMha).toBe(32);
    // d_in = 3: each token projects keys and values 2 numbers narrower: 3 × 2 × 2 MACs fewer.
    expect(mha.with - one.with).toBe(4 * 3 * 2 * 2);
  });

  it('a count that does not divide the heads is fitted with a message; a hostile link is clamped', () => {
    const four = { ...withLocal({ kv_groups: 3 }), num_heads: 4, d_out: 8 };
    expect(kvGroups(four)).toEqual({
      wanted: 3,
      groups: 2,
      problem: 'num_kv_groups = 3 does not divide num_heads = 4 evenly; using 2.',
    });
    const link = (local: unknown) => linkWith({ v: 1, local }, '4.2');
    const huge = decodeView(link({ kv_groups: 1e6 }));
    expect(huge.problems).toEqual([messages.localFitted(kvGroupsField.label, 'kv_groups')]);
    expect(kvGroups(huge.state).groups).toBe(2);
    const view = withLocal({ kv_groups: 1, generated: 2 });
    expect(decodeView(encodeView(view))).toEqual({ state: view, problems: [] });
  });
});

describe('§4.2: the cached path equals the full causal pass', () => {
  it('for random embeddings, prompts, heads, KV groups and progress (within 1e-6 of scale)', () => {
    const arb = fc
      .record({
        T: fc.integer({ min: 1, max: 8 }),
        dIn: fc.integer({ min: 1, max: 4 }),
        heads: fc.constantFrom(1, 2, 4),
        groupsPick: fc.constantFrom(0, 1, 2),
        headDim: fc.integer({ min: 1, max: 3 }),
        seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        prefill: fc.integer({ min: 1, max: 8 }),
        generated: fc.integer({ min: 0, max: 8 }),
      })
      .chain((r) =>
        fc.record({
          r: fc.constant(r),
          embeddings: fc.array(
            fc.array(fc.double({ min: -3, max: 3, noNaN: true }), {
              minLength: r.dIn,
              maxLength: r.dIn,
            }),
            { minLength: r.T, maxLength: r.T },
          ),
        }),
      );
    fc.assert(
      fc.property(arb, ({ r, embeddings }) => {
        const view: ViewState = {
          ...withLocal({
            prefill: r.prefill,
            generated: r.generated,
            // MHA, GQA (where the heads split) or MQA.
            kv_groups: [r.heads, Math.max(1, r.heads / 2), 1][r.groupsPick],
          }),
          tokens: embeddings.map((_, i) => `t${i}`),
          embeddings: embeddings.map((row) => row.map((x) => Math.fround(x))),
          seed: r.seed,
          num_heads: r.heads,
          d_out: r.heads * r.headDim,
        };
        const trace = runAttention(configsFor(view)[0]);
        const scale = Math.max(1, ...Array.from(trace.output.data, Math.abs));
        const deltas = cacheDeltas(trace, 0);
        expect(deltas.output).toBeLessThanOrEqual(1e-6 * scale);
        expect(deltas.newRows).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 60 },
    );
  });
});
