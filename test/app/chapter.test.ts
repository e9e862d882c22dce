import { describe, expect, it } from 'vitest';
import {
  dropoutOnOnes,
  naiveSoftmax,
  randomEmbeddings,
  renormaliseRows,
  sumNormalise,
} from '../../src/chapter/derive.ts';
import { type Panel, panelsFor } from '../../src/chapter/panels/index.ts';
import { configsFor, STEPS, stepDef } from '../../src/chapter/steps/index.ts';
import { defaultView, STEP_IDS, type StepId, type ViewState } from '../../src/chapter/view.ts';
import { runAttention } from '../../src/engine/run.ts';
import book from '../fixtures/book.json' with { type: 'json' };
import { BOOK_PRINTED } from '../fixtures/book-printed.ts';

/** src/chapter: what each step requests and draws, checked against PyTorch's numbers. */

type Nested = (number | string)[][];
const fmt = (x: number | string) =>
  typeof x === 'string' ? x : x.toFixed(4).replace(/^-0\.0000$/, '0.0000');
const want = (m: Nested) => m.map((r) => r.map(fmt));
const oracle = (c: Record<string, unknown>) => {
  const t = book.book.find((b) =>
    Object.entries(c).every(([k, v]) => (b.config as Record<string, unknown>)[k] === v),
  );
  if (!t) throw new Error(JSON.stringify(c));
  return t as unknown as Record<string, unknown> & { params: Record<string, Nested> };
};
const b4 = (t: Record<string, unknown>, name: string, b = 0, h = 0) =>
  (t[name] as Nested[][])[b][h];
const b3 = (t: Record<string, unknown>, name: string, b = 0) => (t[name] as Nested[])[b];

function panels(step: StepId, view: Partial<ViewState> = {}): Map<string, Panel> {
  const v = { ...defaultView(step), ...view };
  const groups = panelsFor(
    v,
    configsFor(v).map((c) => runAttention(c)),
  );
  return new Map(groups.flatMap((g) => g.panels).map((p) => [p.label, p]));
}
const shown = (p: Panel | undefined) => {
  if (!p) throw new Error('missing panel');
  const n = p.cols.length;
  return Array.from({ length: p.rows.length }, (_, r) =>
    Array.from(p.values.subarray(r * n, (r + 1) * n), fmt),
  );
};

function allPanels(view: ViewState): Panel[] {
  return panelsFor(
    view,
    configsFor(view).map((c) => runAttention(c)),
  ).flatMap((g) => g.panels);
}

describe('every step', () => {
  it.each(STEP_IDS)(
    '%s has a title, prose, code with its seed, and a featured cell it draws',
    (id) => {
      const def = stepDef(id);
      const view = defaultView(id);
      expect(def.title.length).toBeGreaterThan(10);
      expect(def.prose.length).toBeGreaterThan(1);
      if (def.controls.includes('seed'))
        expect(def.code(view)).toContain(`torch.manual_seed(${view.seed})`);
      // a step with a body of its own (ex3.3) draws no panels and shows no formula bar
      if ((def.body ?? 'panels') === 'panels')
        expect(allPanels(view).map((p) => p.id)).toContain(def.featured(view).panel);
    },
  );

  it('the registry is the chapter’s order, and ids derive from it', () => {
    expect(STEPS.map((s) => s.id)).toEqual([...STEP_IDS]);
    expect(STEP_IDS).toEqual([
      '3.3.1',
      '3.3.2',
      '3.4.1',
      '3.4.2',
      '3.5.1',
      '3.5.2',
      '3.5.3',
      '3.6.1',
      '3.6.2',
      'ex3.3',
      '4.1',
      '4.2',
      '4.3',
      'train',
      'race',
    ]);
  });

  it('opens with the book’s settings (links store differences from these, so they are frozen)', () => {
    const settings = (id: StepId) => {
      const { seed, num_heads, dropout, training, causal, scaled } = defaultView(id);
      return [seed, num_heads, dropout, training, causal, scaled];
    };
    expect(Object.fromEntries(STEP_IDS.map((id) => [id, settings(id)]))).toEqual({
      '3.3.1': [123, 1, 0, false, false, false],
      '3.3.2': [123, 1, 0, false, false, false],
      '3.4.1': [123, 1, 0, false, false, true],
      '3.4.2': [789, 1, 0, false, false, true],
      '3.5.1': [789, 1, 0, false, true, true],
      '3.5.2': [123, 1, 0.5, true, true, true],
      '3.5.3': [123, 1, 0, false, true, true],
      '3.6.1': [123, 2, 0, false, true, true],
      '3.6.2': [123, 2, 0, false, true, true],
      'ex3.3': [123, 1, 0, false, false, true],
      '4.1': [123, 4, 0, false, true, true],
      '4.2': [123, 2, 0, false, true, true],
      '4.3': [123, 1, 0, false, true, true],
      train: [123, 1, 0, false, false, true],
      race: [123, 1, 0, false, false, true],
    });
    for (const id of STEP_IDS) {
      const d_out = id === '4.1' ? 8 : id === '4.2' ? 4 : 2;
      expect(defaultView(id)).toMatchObject({ d_out, qkv_bias: false, locked: null });
    }
  });

  it.each(STEP_IDS)(
    '%s: panel ids and labels are unique on the step, with dropout on too',
    (id) => {
      for (const view of [defaultView(id), { ...defaultView(id), dropout: 0.5, training: true }]) {
        const all = allPanels(view);
        expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
        expect(new Set(all.map((p) => p.label)).size).toBe(all.length);
        for (const p of all) expect(p.id).toMatch(/^[A-Za-z_][\w.]*$/);
      }
    },
  );

  it('names panels by tensor, batch item and head', () => {
    const ids = (id: StepId) => allPanels(defaultView(id)).map((p) => p.id);
    expect(ids('3.3.2')).toEqual(['attn_scores', 'attn_weights', 'context']);
    expect(ids('3.5.3')).toEqual([
      'masked_scores.b1',
      'attn_weights.b1',
      'context.b1',
      'context.b2',
    ]);
    expect(ids('3.6.1').slice(0, 6)).toEqual([
      'attn_weights.h1',
      'context.h1',
      'attn_weights.h2',
      'context.h2',
      'output.b1',
      'output.b2',
    ]);
  });
});

describe('the book’s numbers, step by step', () => {
  const simple = oracle({ variant: 'simple' });
  const v1 = oracle({ variant: 'v1' });
  const v2 = oracle({ variant: 'v2', seed: 789 });
  const drop = oracle({ variant: 'causal', dropout: 0.5 });
  const wrap = oracle({ variant: 'mha_wrapper' });
  const mha = oracle({ variant: 'mha', batch: 2 });

  it('3.3.1: one query, three normalisations', () => {
    const p = panels('3.3.1');
    expect(shown(p.get('attention scores'))).toEqual([want(b4(simple, 'attn_scores'))[1]]);
    expect(shown(p.get('attention weights (normalised by sum)'))[0]).toEqual(
      BOOK_PRINTED.journeyWeightsBySum,
    );
    expect(shown(p.get('attention weights (naive softmax)'))).toEqual([
      want(b4(simple, 'attn_weights'))[1],
    ]);
    expect(shown(p.get('context vector'))[0]).toEqual(BOOK_PRINTED.journeyContext);
  });

  it('3.4.1: q⁽²⁾ and the weights of the journey query', () => {
    const p = panels('3.4.1');
    expect(shown(p.get('queries'))[1]).toEqual(BOOK_PRINTED.journeyQuery);
    expect(shown(p.get('W_value'))).toEqual(want(v1.params.W_value));
    expect(shown(p.get('context vector'))[0]).toEqual(BOOK_PRINTED.journeyContextTrainable);
  });

  it('3.4.2 and 3.5.1: SelfAttention_v2 at seed 789, and the mask two ways', () => {
    expect(shown(panels('3.4.2').get('context vectors'))).toEqual(want(b3(v2, 'output')));
    const p = panels('3.5.1');
    expect(shown(p.get('attention weights before masking'))[0]).toEqual(
      BOOK_PRINTED.v2FirstWeights,
    );
    expect(shown(p.get('renormalised attention weights'))).toEqual(
      shown(p.get('attention weights')),
    );
    expect(shown(p.get('renormalised attention weights'))[1]).toEqual([
      '0.5517',
      '0.4483',
      '0.0000',
      '0.0000',
      '0.0000',
      '0.0000',
    ]);
  });

  it('3.5.2: the mask, the rescale and the book’s ones example', () => {
    const p = panels('3.5.2');
    expect(shown(p.get('dropout mask'))).toEqual(want(b4(drop, 'dropout_mask')));
    expect(shown(p.get('attention weights after dropout'))).toEqual(
      want(b4(drop, 'attn_weights_dropped')),
    );
    const ones = (book.rng as unknown as Record<string, Record<string, number[][]>>)['123'][
      'dropout_0.5_ones_6x6'
    ];
    expect(shown(p.get('dropout applied to ones'))).toEqual(want(ones));
    const evalMode = panels('3.5.2', { training: false });
    expect(evalMode.has('dropout mask')).toBe(false);
  });

  it('3.6.1 and 3.6.2: per head, concatenated, out_proj, and equal to the wrapper when shared', () => {
    const w = panels('3.6.1');
    expect(shown(w.get('attention weights, head 2'))).toEqual(want(b4(wrap, 'attn_weights', 0, 1)));
    expect(shown(w.get('output, batch 1'))).toEqual(want(b3(wrap, 'output')));
    const m = panels('3.6.2');
    expect(shown(m.get('output, batch 2'))).toEqual(want(b3(mha, 'output', 1)));
    expect(shown(m.get('queries, head 2'))).toEqual(want(b4(mha, 'queries', 0, 1)));
    expect(shown(m.get('output with the wrapper’s weights'))).toEqual(
      shown(m.get('output of the wrapper')),
    );
  });
});

describe('the book’s prints that need more than one trace (issue 8)', () => {
  it('3.5.2 shows the book’s dropout(attn_weights) first, then the class’s own', () => {
    const p = panels('3.5.2');
    // §3.5.1's renormalised seed-789 weights, under the seed-123 mask the book printed for ones.
    expect(shown(p.get('attention weights'))).toEqual(
      shown(panels('3.5.1').get('attention weights')),
    );
    expect(shown(p.get('attention weights after the book’s dropout'))).toEqual(
      BOOK_PRINTED.bookDropoutWeights,
    );
    expect(shown(p.get('attention weights after the book’s dropout'))[2].slice(0, 3)).toEqual([
      '0.7599',
      '0.6194',
      '0.6206',
    ]);
    expect(shown(p.get('CausalAttention’s attention weights'))).toEqual(
      want(b4(oracle({ variant: 'causal', dropout: 0.5 }), 'attn_weights')),
    );
  });

  it('3.6.2 multiplies the toy tensor a with its transpose, head by head, and follows edits', () => {
    const p = panels('3.6.2');
    expect(shown(p.get('a @ a.transpose(2, 3), head 1'))).toEqual(
      BOOK_PRINTED.toyBatchedProduct[0],
    );
    expect(shown(p.get('a @ a.transpose(2, 3), head 2'))).toEqual(
      BOOK_PRINTED.toyBatchedProduct[1],
    );
    expect(shown(p.get('a, head 2'))[2]).toEqual(['0.4606', '0.5159', '0.4220', '0.5786']);
    // a = 1 everywhere except one value: each product is a sum of four products.
    const a = [[0, 1].map(() => [0, 1, 2].map(() => [1, 1, 1, 1]))];
    a[0][1][2][3] = -2;
    const edited = panels('3.6.2', { local: { a } });
    expect(shown(edited.get('a @ a.transpose(2, 3), head 1'))).toEqual(
      Array(3).fill(Array(3).fill('4.0000')),
    );
    expect(shown(edited.get('a @ a.transpose(2, 3), head 2'))[2]).toEqual([
      '1.0000',
      '1.0000',
      '7.0000',
    ]);
  });

  // Steps with a page of their own (GPT-2 text, training, 4.x) lay out their own pictures.
  it.each(STEP_IDS.filter((id) => (stepDef(id).body ?? 'panels') === 'panels'))(
    '%s: the first group is one an embedding edit changes, with the attention weights in it',
    (id) => {
      const view = defaultView(id);
      const edited = {
        ...view,
        embeddings: view.embeddings.map((r, i) =>
          r.map((x, d) => (i === 1 && d === 0 ? x + 0.3 : x)),
        ),
      };
      const first = (v: ViewState) =>
        panelsFor(
          v,
          configsFor(v).map((c) => runAttention(c)),
        )[0].panels;
      const before = first(view);
      const after = first(edited);
      expect(before.some((p) => p.label.startsWith('attention weights'))).toBe(true);
      if (id.startsWith('3.3'))
        expect(before.some((p) => p.label === 'attention scores')).toBe(true);
      before.forEach((p, i) => {
        expect(Array.from(after[i].values), `${id} ${p.label}`).not.toEqual(Array.from(p.values));
      });
    },
  );
});

describe('configsFor', () => {
  it('asks for v1 at seed 123 beside v2 at the step’s seed (3.4.2)', () => {
    const configs = configsFor({ ...defaultView('3.4.2'), seed: 5 });
    expect(configs.map((c) => [c.variant, c.seed])).toEqual([
      ['v2', 5],
      ['v1', 123],
    ]);
  });

  it('compares mha and the wrapper in eval mode (3.6.2)', () => {
    const configs = configsFor({ ...defaultView('3.6.2'), dropout: 0.5, training: true, d_out: 4 });
    expect(
      configs.map((c) => [c.variant, c.training, c.d_out, c.share_wrapper_weights ?? false]),
    ).toEqual([
      ['mha', true, 4, false],
      ['mha', false, 4, true],
      ['mha_wrapper', false, 2, false],
    ]);
  });
});

describe('derive', () => {
  it('normalises by the sum and overflows the naive softmax past ≈ 88.7', () => {
    const row = Float32Array.from([1, 3]);
    expect(Array.from(sumNormalise(row))).toEqual([0.25, 0.75]);
    // exp(100) is ∞ in float32: ∞/∞ is NaN and 1/∞ is 0, where softmax says [1, 0].
    expect(Array.from(naiveSoftmax(Float32Array.from([100, 0])))).toEqual([Number.NaN, 0]);
    expect(Array.from(renormaliseRows(Float32Array.from([1, 0, 1, 3]), 2))).toEqual([
      1, 0, 0.25, 0.75,
    ]);
  });

  it('draws like torch.rand and nn.Dropout after torch.manual_seed', () => {
    expect(randomEmbeddings(123, 1, 3)).toEqual([[0.3, 0.52, 0.25]]);
    const ones = (book.rng as unknown as Record<string, Record<string, number[][]>>)['42'][
      'dropout_0.5_ones_6x6'
    ];
    expect(Array.from(dropoutOnOnes(42, 0.5, 6))).toEqual(ones.flat());
  });
});
