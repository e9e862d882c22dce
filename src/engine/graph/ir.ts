/**
 * The engine's one description of a forward pass: a small graph of tensor ops, each node named
 * as the chapter names its tensor (`queries`, `attn_scores`, `attn_weights`, `context`, …).
 * The reference executor runs it, the ONNX emitter writes it out, reverse mode differentiates it
 * and the page draws it. Nodes are listed in topological order.
 */

/** Hides keys from queries: causal (key after query), padding (a 0 in attention_mask), or both. */
export interface MaskAttrs {
  causal: boolean;
  /** The value hidden scores become: −∞ (the chapter) or float32's lowest (Hugging Face). */
  fill: number;
  /** Position of the first query row (a query block, or the new token of a KV cache). */
  rowStart: number;
}

export type GraphOp =
  /** Fed from outside: `x` [b, T, d_in], `dropout_mask` [b, h, T, T], `key_padding` [b, T]. */
  | { op: 'input' }
  /** A weight in the chapter's `x @ W` layout [d_in, d_out], or a bias [d_out]. */
  | { op: 'param' }
  /** inputs [x, W, bias?]: x @ W (+ bias) on the last axis. */
  | { op: 'linear' }
  /** [b, T, h·hd] → [b, h, T, hd]: `.view(b, T, h, hd).transpose(1, 2)`. */
  | { op: 'split_heads'; heads: number }
  /** Per-head [b, T, hd] inputs → [b, h, T, hd] (the wrapper's heads, side by side). */
  | { op: 'stack_heads' }
  /** [b, g, T, hd] → [b, g·r, T, hd]: `repeat_interleave(r, dim=1)`. */
  | { op: 'repeat_kv'; repeats: number }
  /** inputs [queries, keys]: q · kᵀ per [T, T] block. */
  | { op: 'matmul_qk' }
  /** inputs [scores, key_padding?]. */
  | ({ op: 'mask' } & MaskAttrs)
  /** Divides by the float32 √d_k, as the chapter does (a multiply differs in the last bit). */
  | { op: 'scale'; divisor: number }
  | { op: 'softmax'; kind: 'stable' | 'naive' }
  /** inputs [weights, dropout_mask]: elementwise product. */
  | { op: 'dropout' }
  /** inputs [weights, values]: weights @ values per block. */
  | { op: 'matmul_wv' }
  /** [b, h, T, hd] → [b, T, h·hd]: `.transpose(1, 2).view(b, T, h·hd)`. */
  | { op: 'merge_heads' }
  /** Rows [from, to) of axis 2 of [b, h, T, x] (query blocks, visible keys). */
  | { op: 'slice_rows'; from: number; to: number }
  /** Concatenation along axis 2 (the query blocks' contexts back together). */
  | { op: 'concat_rows' };

export type OpName = GraphOp['op'];

export type GraphNode = GraphOp & {
  name: string;
  inputs: string[];
  shape: number[];
};

export interface Graph {
  nodes: GraphNode[];
  /** Trace tensor name → the node that computes it (e.g. attn_weights_dropped → attn_weights). */
  outputs: Record<string, string>;
}

export function nodeOf(graph: Graph, name: string): GraphNode {
  const node = graph.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`the graph has no node ${name}`);
  return node;
}

/** Leading dims × rows × cols of a [..., rows, cols] shape. */
export function blocksOf(shape: readonly number[]): { blocks: number; rows: number; cols: number } {
  const rows = shape[shape.length - 2];
  const cols = shape[shape.length - 1];
  let blocks = 1;
  for (let i = 0; i < shape.length - 2; i++) blocks *= shape[i];
  return { blocks, rows, cols };
}
