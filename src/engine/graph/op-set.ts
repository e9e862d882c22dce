import { opBackward } from './backward.ts';
import type { GraphNode } from './ir.ts';
import { runKernel } from './kernels.ts';

/** One node's forward: its value from its inputs' values and shapes. */
export type ForwardOp = (
  node: GraphNode,
  inputs: Float32Array[],
  shapes: number[][],
) => Float32Array;

/** One node's backward: d loss / d each input (null for masks) from d loss / d its output. */
export type BackwardOp = (
  node: GraphNode,
  g: Float64Array,
  inputs: Float32Array[],
  shapes: number[][],
  out: Float32Array,
) => (Float64Array | null)[];

/**
 * How a backend computes the graph's ops: `execute` and `backward` walk the same graph with any
 * op set, so a backend supplies kernels, never its own copy of the graph.
 */
export interface OpSet {
  forward: ForwardOp;
  backward: BackwardOp;
}

/** The reference engine's ops: bit-exact float64 sums rounded once (the oracle-matched numbers). */
export const referenceOps: OpSet = { forward: runKernel, backward: opBackward };
