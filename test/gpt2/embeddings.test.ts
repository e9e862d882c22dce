import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/engine/resolve-config.ts';
import { forward } from '../../src/engine/run.ts';
import { Gpt2Weights } from '../../src/gpt2/embeddings.ts';
import { causalMha } from '../../src/gpt2/layer.ts';
import { EMB_DIM } from '../../src/gpt2/sizes.ts';
import { transpose } from '../../src/tensor/matmul.ts';
import { type Tensor, tensor } from '../../src/tensor/tensor.ts';
import { bitsOf, floats, gpt2Fixture } from './fixture.ts';

// One table per seed for the whole file: reaching the end of the token table is the slow part.
const tables = new Map(gpt2Fixture.gpt2.map((c) => [c.seed, new Gpt2Weights(c.seed)]));

describe.each(gpt2Fixture.gpt2)('GPT-2-sized modules after torch.manual_seed($seed)', (c) => {
  const w = tables.get(c.seed) as Gpt2Weights;

  it('token embedding rows (first, last, middle, the sentence) equal PyTorch bit for bit', () => {
    for (const [id, b64] of Object.entries(c.token_rows)) {
      expect(bitsOf(w.tokenRow(Number(id))), `row ${id}`).toEqual(bitsOf(floats(b64)));
    }
  });

  it('position embedding rows equal PyTorch bit for bit', () => {
    const all = w.positionRows(1024);
    for (const [p, b64] of Object.entries(c.position_rows)) {
      const row = all.slice(Number(p) * EMB_DIM, (Number(p) + 1) * EMB_DIM);
      expect(bitsOf(row), `position ${p}`).toEqual(bitsOf(floats(b64)));
    }
  });

  it('MultiHeadAttention weights come next in the stream, bit for bit', () => {
    const mha = w.attention();
    expect(bitsOf(mha.W_query.weight.slice(0, 32))).toEqual(bitsOf(floats(c.W_query_first)));
    expect(bitsOf(mha.W_value.weight.slice(-32))).toEqual(bitsOf(floats(c.W_value_last)));
    expect(bitsOf(mha.out_proj.weight.slice(0, 32))).toEqual(bitsOf(floats(c.out_proj_first)));
    expect(bitsOf(mha.out_proj.bias ?? new Float32Array())).toEqual(
      bitsOf(floats(c.out_proj_bias)),
    );
  });

  it("the layer's output on token_emb + pos_emb matches PyTorch within float32 rounding", () => {
    const t = c.ids.length;
    const { context_vecs, attn_weights } = causalMha(w.input(c.ids), t, w.attention());
    const want = floats(c.output);
    let maxDiff = 0;
    for (let i = 0; i < want.length; i++)
      maxDiff = Math.max(maxDiff, Math.abs(context_vecs[i] - want[i]));
    expect(maxDiff).toBeLessThan(2e-6);
    const head0 = floats(c.attn_weights_head0);
    const head11 = floats(c.attn_weights_head11);
    for (let i = 0; i < t * t; i++) {
      expect(attn_weights[i]).toBeCloseTo(head0[i], 6);
      expect(attn_weights[11 * t * t + i]).toBeCloseTo(head11[i], 6);
    }
  });
});

describe('the lean causal layer agrees with the engine', () => {
  it("equals the engine's mha forward on the same weights and input", () => {
    const w = tables.get(123) as Gpt2Weights;
    const ids = [464, 3290, 318];
    const x = w.input(ids);
    const mha = w.attention();
    const rows = Array.from({ length: ids.length }, (_, i) =>
      Array.from(x.subarray(i * EMB_DIM, (i + 1) * EMB_DIM)),
    );
    const config = resolveConfig({
      variant: 'mha',
      embeddings: rows,
      d_out: EMB_DIM,
      num_heads: 12,
      seed: 123,
    });
    // The engine takes weights in the chapter's x @ W layout [in, out]: transpose torch's.
    const named: Record<string, Tensor> = {};
    for (const name of ['W_query', 'W_key', 'W_value', 'out_proj'] as const) {
      const p = mha[name];
      named[name] = tensor(
        [p.inFeatures, p.outFeatures],
        transpose(p.weight, p.outFeatures, p.inFeatures),
      );
      if (p.bias) named[`${name}.bias`] = tensor([p.outFeatures], p.bias);
    }
    const trace = forward(config, { params: { named } });
    const ours = causalMha(x, ids.length, mha);
    for (let i = 0; i < ours.context_vecs.length; i++) {
      expect(ours.context_vecs[i]).toBeCloseTo(trace.output.data[i], 6);
    }
    for (let i = 0; i < ours.attn_weights.length; i++) {
      expect(ours.attn_weights[i]).toBeCloseTo(trace.attn_weights.data[i], 6);
    }
  });
});
