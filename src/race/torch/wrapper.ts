/**
 * The chapter's `MultiHeadAttentionWrapper`: a list of `CausalAttention` modules, each with its
 * own W_query, W_key and W_value (d_in → head_dim), run one after another and concatenated
 * (`torch.cat([head(x) for head in self.heads], dim=-1)`), then `out_proj` as in the bonus
 * material's wrapper. Head h gets rows h·hd … of the shared weights, which is the slice the
 * weight-split class's `.view` gives head h, so both compute the same numbers.
 */
import type { MhaWeights } from '../../kernels/mha.ts';
import { linear } from '../../tensor/matmul.ts';
import { causalAttend, putColumns } from './attend.ts';
import { type Forward, type Implementation, rowsOf, type TorchShape } from './model.ts';

/** One `CausalAttention(d_in, d_out=hd)`: returns context_vec [batch, t, hd]. */
function causalAttention(shape: TorchShape, w: MhaWeights, h: number): Forward {
  const hd = shape.dOut / shape.heads;
  const [r0, r1] = [h * hd, (h + 1) * hd];
  const W_query = rowsOf(w.W_query, shape.dIn, r0, r1);
  const W_key = rowsOf(w.W_key, shape.dIn, r0, r1);
  const W_value = rowsOf(w.W_value, shape.dIn, r0, r1);
  const bias = (b: Float32Array | null) => b?.slice(r0, r1) ?? null;
  const [b_query, b_key, b_value] = [bias(w.b_query), bias(w.b_key), bias(w.b_value)];
  const { batch, t, dIn } = shape;
  return (x) => {
    const keys = linear(x, W_key, b_key, batch * t, dIn, hd);
    const queries = linear(x, W_query, b_query, batch * t, dIn, hd);
    const values = linear(x, W_value, b_value, batch * t, dIn, hd);
    const context_vec = new Float32Array(batch * t * hd);
    for (let b = 0; b < batch; b++) {
      const rows = (m: Float32Array) => m.subarray(b * t * hd, (b + 1) * t * hd);
      context_vec.set(causalAttend(rows(queries), rows(keys), rows(values), t, hd), b * t * hd);
    }
    return context_vec;
  };
}

export const multiHeadAttentionWrapper: Implementation = (shape, w) => {
  const heads = Array.from({ length: shape.heads }, (_, h) => causalAttention(shape, w, h));
  const hd = shape.dOut / shape.heads;
  const rows = shape.batch * shape.t;
  const out = w.out_proj;
  return (x) => {
    const cat = new Float32Array(rows * shape.dOut);
    for (let h = 0; h < heads.length; h++) putColumns(cat, heads[h](x), rows, shape.dOut, h * hd);
    return out ? linear(cat, out.weight, out.bias, rows, shape.dOut, shape.dOut) : cat;
  };
};
