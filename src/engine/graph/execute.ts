import type { Graph } from './ir.ts';
import { runKernel } from './kernels.ts';
import type { OpSet } from './op-set.ts';

/** Every node's value, by node name. */
export type Values = Map<string, Float32Array>;

/**
 * Runs each node of the graph in order with `ops` (the reference engine's bit-exact kernels
 * unless told). `feeds` holds the inputs (`x`, `dropout_mask`, `key_padding`) and every
 * parameter by name.
 */
export function execute(
  graph: Graph,
  feeds: Record<string, Float32Array>,
  ops: Pick<OpSet, 'forward'> = { forward: runKernel },
): Values {
  const values: Values = new Map();
  const shapes = new Map(graph.nodes.map((n) => [n.name, n.shape]));
  for (const node of graph.nodes) {
    if (node.op === 'input' || node.op === 'param') {
      const fed = feeds[node.name];
      if (!fed) throw new Error(`no value fed for ${node.name}`);
      values.set(node.name, fed);
      continue;
    }
    const inputs = node.inputs.map((name) => values.get(name) as Float32Array);
    const inShapes = node.inputs.map((name) => shapes.get(name) as number[]);
    values.set(node.name, ops.forward(node, inputs, inShapes));
  }
  return values;
}
