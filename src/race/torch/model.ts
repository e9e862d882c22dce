/**
 * What every race implementation is built from: one set of `manual_seed(123)` weights in torch's
 * nn.Linear layout ([out_features, in_features]) and the input, so all of them compute the same
 * numbers and differ only in how they organise the work.
 */
import type { MhaWeights } from '../../kernels/mha.ts';

export interface TorchShape {
  batch: number;
  t: number;
  dIn: number;
  dOut: number;
  heads: number;
}

/** A forward pass of x [batch, t, dIn] into the context vectors [batch, t, dOut]. */
export type Forward = (x: Float32Array) => Float32Array;

/** An implementation: built once from the shared weights (its `__init__`), then run. */
export type Implementation = (shape: TorchShape, weights: MhaWeights) => Forward;

/** Rows r0…r1 of a torch-layout weight: the output features one head owns. */
export function rowsOf(w: Float32Array, cols: number, r0: number, r1: number): Float32Array {
  return w.slice(r0 * cols, r1 * cols);
}
