/**
 * The chapter's weight-split `MultiHeadAttention`: one W_query, W_key, W_value (d_in → d_out),
 * then `.view(b, T, heads, hd).transpose(1, 2)` hands each head its columns, attention per head,
 * `.transpose(1, 2).contiguous().view(b, T, d_out)` merges them, and `out_proj`.
 */
import { linear } from '../../tensor/matmul.ts';
import { causalAttend, columns, putColumns } from './attend.ts';
import type { Implementation, TorchShape } from './model.ts';

/** Attention of every (batch, head) over projected q, k, v [batch·t, ld] starting at column `at`. */
export function attendHeads(
  shape: TorchShape,
  q: Float32Array,
  k: Float32Array,
  v: Float32Array,
  ld: number,
  at: { q: number; k: number; v: number },
): Float32Array {
  const { batch, t, dOut, heads } = shape;
  const hd = dOut / heads;
  const context = new Float32Array(batch * t * dOut);
  for (let b = 0; b < batch; b++) {
    const item = (m: Float32Array) => m.subarray(b * t * ld, (b + 1) * t * ld);
    const ctx = context.subarray(b * t * dOut, (b + 1) * t * dOut);
    for (let h = 0; h < heads; h++) {
      const head = (m: Float32Array, c0: number) => columns(item(m), t, ld, c0 + h * hd, hd);
      const out = causalAttend(head(q, at.q), head(k, at.k), head(v, at.v), t, hd);
      putColumns(ctx, out, t, dOut, h * hd);
    }
  }
  return context;
}

export const multiHeadAttention: Implementation = (shape, w) => {
  const { batch, t, dIn, dOut } = shape;
  const rows = batch * t;
  return (x) => {
    const keys = linear(x, w.W_key, w.b_key, rows, dIn, dOut);
    const queries = linear(x, w.W_query, w.b_query, rows, dIn, dOut);
    const values = linear(x, w.W_value, w.b_value, rows, dIn, dOut);
    const context_vec = attendHeads(shape, queries, keys, values, dOut, { q: 0, k: 0, v: 0 });
    const o = w.out_proj;
    return o ? linear(context_vec, o.weight, o.bias, rows, dOut, dOut) : context_vec;
  };
};
