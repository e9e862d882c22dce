import type { AttentionConfig } from '../config.ts';
import { TRACE_TENSORS, type TraceTensorName } from '../trace.ts';
import { buildGraph } from './build.ts';
import type { OpName } from './ir.ts';

/** One box of the pipeline diagram: an op of the graph with its live shape. */
export interface PipelineNode {
  name: string;
  op: OpName;
  shape: number[];
  inputs: string[];
  /** The trace tensor this node computes (what a heatmap shows), if any. */
  tensor: TraceTensorName | null;
}

/**
 * The computation of `config` as the page can draw it: every node of the engine's graph in
 * order (inputs, parameters, ops), with its shape for this config and the nodes it reads.
 */
export function describePipeline(config: AttentionConfig): PipelineNode[] {
  const graph = buildGraph(config);
  const tensorOf = new Map<string, TraceTensorName>();
  for (const name of TRACE_TENSORS) {
    const node = graph.outputs[name];
    // attn_weights_dropped is the weights themselves without dropout: name the node once.
    if (node && !tensorOf.has(node)) tensorOf.set(node, name);
  }
  return graph.nodes.map((n) => ({
    name: n.name,
    op: n.op,
    shape: [...n.shape],
    inputs: [...n.inputs],
    tensor: tensorOf.get(n.name) ?? null,
  }));
}

/** `name` and every node it is computed from: what to highlight when `name` is hovered. */
export function sourcesOf(pipeline: readonly PipelineNode[], name: string): Set<string> {
  const byName = new Map(pipeline.map((n) => [n.name, n]));
  const seen = new Set<string>();
  const visit = (n: string) => {
    if (seen.has(n)) return;
    seen.add(n);
    for (const i of byName.get(n)?.inputs ?? []) visit(i);
  };
  visit(name);
  return seen;
}
