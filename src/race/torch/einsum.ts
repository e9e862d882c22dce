/**
 * The bonus material's `MHAEinsum`, as the plain loop nests its einsums stand for: weights as
 * [d_in, d_out] parameters, Q = einsum("bnd,di->bni", x, W_query), scores =
 * einsum("bhnd,bhmd->bhnm", Q, K), the causal mask and softmax(scores / √hd), context =
 * einsum("bhnm,bhmd->bhnd", weights, V), merged and projected by out_proj. No blocking, no
 * transposes for locality: every sum is the innermost loop over b, h, i, j, d as written.
 */
import { transpose } from '../../tensor/matmul.ts';
import type { Implementation } from './model.ts';

/** y[b, n, i] = Σ_d x[b, n, d] · W[d, i] (+ bias[i]). */
function project(
  x: Float32Array,
  W: Float32Array,
  bias: Float32Array | null,
  rows: number,
  dIn: number,
  dOut: number,
): Float32Array {
  const y = new Float32Array(rows * dOut);
  for (let n = 0; n < rows; n++) {
    for (let i = 0; i < dOut; i++) {
      let s = 0;
      for (let d = 0; d < dIn; d++) s += x[n * dIn + d] * W[d * dOut + i];
      y[n * dOut + i] = bias ? Math.fround(s) + bias[i] : s;
    }
  }
  return y;
}

export const einsumLoops: Implementation = (shape, w) => {
  const { batch, t, dIn, dOut, heads } = shape;
  const hd = dOut / heads;
  const rows = batch * t;
  const W_query = transpose(w.W_query, dOut, dIn);
  const W_key = transpose(w.W_key, dOut, dIn);
  const W_value = transpose(w.W_value, dOut, dIn);
  const W_out = w.out_proj ? transpose(w.out_proj.weight, dOut, dOut) : null;
  const div = Math.sqrt(hd);
  return (x) => {
    const Q = project(x, W_query, w.b_query, rows, dIn, dOut);
    const K = project(x, W_key, w.b_key, rows, dIn, dOut);
    const V = project(x, W_value, w.b_value, rows, dIn, dOut);
    const context = new Float32Array(rows * dOut);
    const e = new Float64Array(t);
    for (let b = 0; b < batch; b++) {
      for (let h = 0; h < heads; h++) {
        // Element (b, n, h, d) of the [b, T, heads, hd] view sits at ((b·T + n)·d_out + h·hd + d).
        const at = (n: number) => (b * t + n) * dOut + h * hd;
        for (let i = 0; i < t; i++) {
          let max = Number.NEGATIVE_INFINITY;
          for (let j = 0; j < t; j++) {
            if (j > i) {
              e[j] = Number.NEGATIVE_INFINITY; // masked_fill(mask, -inf)
              continue;
            }
            let s = 0;
            for (let d = 0; d < hd; d++) s += Q[at(i) + d] * K[at(j) + d];
            e[j] = Math.fround(s) / div;
            if (e[j] > max) max = e[j];
          }
          let sum = 0;
          for (let j = 0; j < t; j++) {
            e[j] = Math.exp(e[j] - max);
            sum += e[j];
          }
          for (let d = 0; d < hd; d++) {
            let s = 0;
            for (let j = 0; j < t; j++) s += Math.fround(e[j] / sum) * V[at(j) + d];
            context[at(i) + d] = s;
          }
        }
      }
    }
    const o = w.out_proj;
    return o && W_out ? project(context, W_out, o.bias, rows, dOut, dOut) : context;
  };
};
