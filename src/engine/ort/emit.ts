import type { Tensor } from '../../tensor/tensor.ts';
import type { Graph, GraphNode } from '../graph/ir.ts';
import { GraphBuilder } from './graph-builder.ts';

export interface EmitOptions {
  /** The model's name. */
  name: string;
  /** Nodes to declare as graph outputs, under their own names, in graph order. */
  outputs: readonly string[];
  /** Bake these parameters in as initializers (else each is a graph input under its name). */
  weights?: Record<string, Tensor>;
}

const SWAP_1_2 = [0, 2, 1, 3];

/**
 * Writes the graph as ONNX for onnxruntime-web, op by op. Inputs keep their names (`x`, every
 * weight, `dropout_mask`, `key_padding`, `cache_keys`); the requested outputs carry their node's
 * name, which is the trace's name for the chapter's tensors.
 */
export function emitOnnx(graph: Graph, options: EmitOptions): Uint8Array {
  const g = new GraphBuilder(options.name);
  const names = new Map<string, string>();
  const shapes = new Map(graph.nodes.map((n) => [n.name, n.shape]));
  const wanted = new Set(options.outputs);
  for (const node of graph.nodes) {
    const inputs = node.inputs.map((i) => names.get(i) as string);
    const inShapes = node.inputs.map((i) => shapes.get(i) as number[]);
    let value = emitNode(g, node, inputs, inShapes, options.weights);
    if (wanted.has(node.name) && value !== node.name) {
      value = g.node('Identity', [value], undefined, node.name);
    }
    if (wanted.has(node.name)) g.output(node.name, node.shape);
    names.set(node.name, value);
  }
  return g.toModel();
}

function emitNode(
  g: GraphBuilder,
  node: GraphNode,
  inputs: string[],
  shapes: number[][],
  weights: Record<string, Tensor> | undefined,
): string {
  const [a, b] = inputs;
  const s = node.shape;
  switch (node.op) {
    case 'input':
      return g.input(node.name, s);
    case 'param': {
      if (!weights) return g.input(node.name, s);
      const w = weights[node.name];
      if (!w) throw new Error(`missing weight ${node.name}`);
      return g.constant(node.name, { type: 'float32', dims: s, data: w.data });
    }
    case 'linear': {
      const y = g.node('MatMul', [a, b]);
      return inputs[2] ? g.node('Add', [y, inputs[2]]) : y;
    }
    case 'split_heads': {
      const [bs, h, t, hd] = s;
      const view = g.node('Reshape', [a, g.ints('split_shape', [bs, t, h, hd])]);
      return g.node('Transpose', [view], { perm: { ints: SWAP_1_2 } });
    }
    case 'stack_heads': {
      const axis = g.ints('head_axis', [1]);
      return g.concat(
        inputs.map((x) => g.node('Unsqueeze', [x, axis])),
        1,
      );
    }
    case 'repeat_kv': {
      const [bs, kv, t, hd] = shapes[0];
      const r = node.repeats;
      const wide = g.node('Unsqueeze', [a, g.ints('group_axis', [2])]);
      const copies = g.node('Expand', [wide, g.ints('repeat_shape', [bs, kv, r, t, hd])]);
      return g.node('Reshape', [copies, g.ints('repeated_shape', [bs, kv * r, t, hd])]);
    }
    case 'matmul_qk':
      return g.node('MatMul', [a, g.node('Transpose', [b], { perm: { ints: [0, 1, 3, 2] } })]);
    case 'mask':
      return emitMask(g, node, a, inputs[1]);
    case 'scale':
      return g.node('Div', [a, g.float('sqrt_hd', node.divisor)]);
    case 'softmax': {
      if (node.kind === 'stable') return g.node('Softmax', [a], { axis: { i: -1 } });
      // exp(x) / Σ exp(x) without the max subtraction: overflows past x ≈ 88.7, the lesson.
      const e = g.node('Exp', [a]);
      const sum = g.node('ReduceSum', [e, g.ints('last_axis', [-1])], { keepdims: { i: 1 } });
      return g.node('Div', [e, sum]);
    }
    case 'dropout':
      return g.node('Mul', [a, b]);
    case 'matmul_wv':
      return g.node('MatMul', [a, b]);
    case 'merge_heads': {
      const merged = g.node('Transpose', [a], { perm: { ints: SWAP_1_2 } });
      return g.node('Reshape', [merged, g.ints('merge_shape', s)]);
    }
    case 'slice_rows':
      return g.node('Slice', [
        a,
        g.ints('start', [node.from]),
        g.ints('end', [node.to]),
        g.ints('axis', [2]),
      ]);
    case 'concat_rows':
      return g.concat(inputs, 2);
  }
}

/**
 * Where(hidden, fill, scores): picks the fill without arithmetic on it (0·∞ would give NaN).
 * Causal hiding is a constant; padding comes from the `key_padding` input (1 = hidden).
 */
function emitMask(
  g: GraphBuilder,
  node: GraphNode & { op: 'mask' },
  scores: string,
  padding?: string,
) {
  const [b, , rows, keys] = node.shape;
  if (!node.causal && !padding) return g.node('Identity', [scores]);
  let hidden = node.causal ? g.constant('causal_mask', causalMask(rows, keys, node.rowStart)) : '';
  if (padding) {
    const pad = g.node('Reshape', [
      g.node('Cast', [padding], { to: { i: 9 } }), // 9 = bool
      g.ints('padding_shape', [b, 1, 1, keys]),
    ]);
    hidden = hidden ? g.node('Or', [hidden, pad]) : pad;
  }
  return g.node('Where', [hidden, g.float('fill', node.fill), scores]);
}

/** Bool [rows, cols], true where key j lies after query rowStart + i: the keys it may not see. */
export function causalMask(rows: number, cols = rows, rowStart = 0) {
  const data = new Uint8Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = rowStart + i + 1; j < cols; j++) data[i * cols + j] = 1;
  }
  return { type: 'bool' as const, dims: [rows, cols], data };
}
