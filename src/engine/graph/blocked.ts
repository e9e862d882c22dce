import type { Graph, GraphNode } from './ir.ts';

/**
 * The blocked-causal rewrite, for speed: queries are split into blocks of rows, and block
 * [s, e) is matched only against keys 0 .. e − 1 with its own mask, so about half of the T × T
 * scores, softmax and weights @ values is never computed. The nodes from `attn_scores` to
 * `context` are replaced; everything before and after is the same graph. Exact: the skipped keys
 * would only have added zero weights. Needs causal, no dropout.
 */
export function blockCausal(graph: Graph, blockRows: readonly number[]): Graph {
  const at = (name: string) => graph.nodes.findIndex((n) => n.name === name);
  const scores = graph.nodes[at('attn_scores')];
  const mask = graph.nodes[at('masked_scores')];
  const softmax = graph.nodes[at('attn_weights')];
  const scale = graph.nodes.find((n) => n.op === 'scale');
  const context = graph.nodes[at('context')];
  if (mask.op !== 'mask' || !mask.causal || mask.inputs.length > 1) {
    throw new Error('the blocked rewrite needs causal attention without padding');
  }
  if (context.inputs[0] !== softmax.name) throw new Error('the blocked rewrite needs no dropout');
  const [queries, keys] = scores.inputs;
  const values = context.inputs[1];
  const [b, h, t] = scores.shape;
  const hd = context.shape[3];
  const nodes: GraphNode[] = graph.nodes.slice(0, at('attn_scores'));
  const add = (node: GraphNode) => {
    nodes.push(node);
    return node.name;
  };
  const rows = (input: string, from: number, to: number, width: number) =>
    from === 0 && to === t
      ? input
      : add({
          op: 'slice_rows',
          from,
          to,
          name: `${input}[${from}:${to}]`,
          inputs: [input],
          shape: [b, h, to - from, width],
        });
  const contexts: string[] = [];
  let s = 0;
  for (const n of blockRows) {
    const e = s + n;
    const square = [b, h, n, e];
    const tag = `[${s}:${e}]`;
    const q = rows(queries, s, e, hd);
    let y = add({
      op: 'matmul_qk',
      name: `attn_scores${tag}`,
      inputs: [q, rows(keys, 0, e, hd)],
      shape: square,
    });
    y = add({ ...mask, name: `masked_scores${tag}`, inputs: [y], shape: square, rowStart: s });
    if (scale) y = add({ ...scale, name: `scaled_scores${tag}`, inputs: [y], shape: square });
    y = add({ ...softmax, name: `attn_weights${tag}`, inputs: [y], shape: square });
    contexts.push(
      add({
        op: 'matmul_wv',
        name: `context${tag}`,
        inputs: [y, rows(values, 0, e, hd)],
        shape: [b, h, n, hd],
      }),
    );
    s = e;
  }
  nodes.push({ op: 'concat_rows', name: 'context', inputs: contexts, shape: context.shape });
  nodes.push(...graph.nodes.slice(at('context') + 1));
  return { nodes, outputs: { output: graph.outputs.output } };
}
