/**
 * The bonus material's `MultiHeadAttentionCombinedQKV`: one `nn.Linear(d_in, 3·d_out)` whose
 * weight stacks W_query, W_key and W_value, so one matmul projects all three; the result is
 * `.view(b, T, 3, heads, hd).permute(2, 0, 3, 1, 4)` and unbound into queries, keys, values.
 */
import { linear } from '../../tensor/matmul.ts';
import type { Implementation } from './model.ts';
import { attendHeads } from './multi-head.ts';

export const combinedQkv: Implementation = (shape, w) => {
  const { batch, t, dIn, dOut } = shape;
  const rows = batch * t;
  const W_qkv = new Float32Array(3 * dOut * dIn);
  W_qkv.set(w.W_query, 0);
  W_qkv.set(w.W_key, dOut * dIn);
  W_qkv.set(w.W_value, 2 * dOut * dIn);
  const biases = [w.b_query, w.b_key, w.b_value];
  const b_qkv = biases.every((b) => b) ? new Float32Array(3 * dOut) : null;
  biases.forEach((b, i) => {
    if (b) b_qkv?.set(b, i * dOut);
  });
  return (x) => {
    const qkv = linear(x, W_qkv, b_qkv, rows, dIn, 3 * dOut);
    // The split is a stride: queries, keys, values are column blocks of the [rows, 3·d_out] qkv.
    const at = { q: 0, k: dOut, v: 2 * dOut };
    const context_vec = attendHeads(shape, qkv, qkv, qkv, 3 * dOut, at);
    const o = w.out_proj;
    return o ? linear(context_vec, o.weight, o.bias, rows, dOut, dOut) : context_vec;
  };
};
