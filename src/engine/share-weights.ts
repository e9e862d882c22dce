import { type Tensor, tensor } from '../tensor/tensor.ts';
import type { ModelParams } from './params.ts';

const QKV = ['W_query', 'W_key', 'W_value'] as const;

/**
 * The weight-split `mha` that computes exactly what the wrapper's stacked heads compute: each
 * projection is the heads' projections side by side along the output axis (head h owns columns
 * h·hd … (h+1)·hd − 1, which is what the view/transpose split hands it), and `out_proj` is the
 * identity with zero bias, so the concatenated context passes through unchanged.
 */
export function wrapperAsMha(wrapper: ModelParams): ModelParams {
  const w = wrapper.named;
  let heads = 0;
  while (w[`heads.${heads}.W_query`]) heads++;
  const [dIn, hd] = w['heads.0.W_query'].shape;
  const dOut = hd * heads;
  const named: Record<string, Tensor> = {};
  for (const name of QKV) {
    const weight = new Float32Array(dIn * dOut);
    for (let h = 0; h < heads; h++) {
      const part = w[`heads.${h}.${name}`].data;
      for (let i = 0; i < dIn; i++)
        weight.set(part.subarray(i * hd, (i + 1) * hd), i * dOut + h * hd);
    }
    named[name] = tensor([dIn, dOut], weight);
    if (w[`heads.0.${name}.bias`]) {
      const bias = new Float32Array(dOut);
      for (let h = 0; h < heads; h++) bias.set(w[`heads.${h}.${name}.bias`].data, h * hd);
      named[`${name}.bias`] = tensor([dOut], bias);
    }
  }
  const identity = new Float32Array(dOut * dOut);
  for (let i = 0; i < dOut; i++) identity[i * dOut + i] = 1;
  named.out_proj = tensor([dOut, dOut], identity);
  named['out_proj.bias'] = tensor([dOut], new Float32Array(dOut));
  return { named };
}
