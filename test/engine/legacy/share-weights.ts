import { transpose } from '../../../src/tensor/matmul.ts';
import { tensor } from '../../../src/tensor/tensor.ts';
import type { ModelParams, Projection } from './params.ts';

const QKV = ['W_query', 'W_key', 'W_value'] as const;

/**
 * The weight-split `mha` that computes exactly what the wrapper's stacked heads compute: each
 * projection is the heads' projections stacked along the output axis (head h owns output rows
 * h·hd … (h+1)·hd − 1, which is what the view/transpose split hands it), and `out_proj` is the
 * identity with zero bias, so the concatenated context passes through unchanged.
 */
export function wrapperAsMha(wrapper: ModelParams): ModelParams {
  const heads = wrapper.heads;
  const first = heads[0].W_query;
  const dIn = first.inFeatures;
  const dOut = first.outFeatures * heads.length;
  const stacked = {} as Record<(typeof QKV)[number], Projection>;
  const named: ModelParams['named'] = {};
  for (const name of QKV) {
    const weight = new Float32Array(dOut * dIn);
    const withBias = heads[0][name].bias !== null;
    const bias = withBias ? new Float32Array(dOut) : null;
    heads.forEach((head, h) => {
      weight.set(head[name].weight, h * first.outFeatures * dIn);
      if (bias) bias.set(head[name].bias as Float32Array, h * first.outFeatures);
    });
    stacked[name] = { weight, bias, inFeatures: dIn, outFeatures: dOut };
    named[name] = tensor([dIn, dOut], transpose(weight, dOut, dIn));
    if (bias) named[`${name}.bias`] = tensor([dOut], bias);
  }
  const identity = new Float32Array(dOut * dOut);
  for (let i = 0; i < dOut; i++) identity[i * dOut + i] = 1;
  const out_proj = {
    weight: identity,
    bias: new Float32Array(dOut),
    inFeatures: dOut,
    outFeatures: dOut,
  };
  named.out_proj = tensor([dOut, dOut], identity);
  named['out_proj.bias'] = tensor([dOut], out_proj.bias);
  return { heads: [stacked], out_proj, named };
}
