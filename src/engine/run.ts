import { type Tensor, tensor } from '../tensor/tensor.ts';
import type { AttentionConfig } from './config.ts';
import { drawModel } from './draws.ts';
import { buildGraph, inputDims } from './graph/build.ts';
import { execute } from './graph/execute.ts';
import type { Graph } from './graph/ir.ts';
import type { OpSet } from './graph/op-set.ts';
import { runCached } from './kv-cache.ts';
import type { ModelParams } from './params.ts';
import { resolveConfig } from './resolve-config.ts';
import { inputOf, keyPaddingOf } from './run-input.ts';
import type { Trace } from './trace.ts';
import { runTraining } from './train/train.ts';
import { headShape } from './variants.ts';

/**
 * Runs one forward pass of the configured module and returns every intermediate (after training
 * first, when the config asks). Accepts the oracle's config format; throws ConfigError on a bad one.
 */
export function runAttention(input: unknown): Trace {
  const config = resolveConfig(input);
  return config.target ? runTraining(config) : forward(config);
}

export interface ForwardOptions {
  /**
   * Weights to use instead of the seed's (e.g. the wrapper's heads shared with `mha`). The seed's
   * weights are still drawn first, so dropout masks come from the same point of the stream.
   */
  params?: ModelParams;
  /** The backend's ops for the graph (the reference engine's unless told). */
  ops?: OpSet;
}

export function forward(config: AttentionConfig, options: ForwardOptions = {}): Trace {
  const drawn = drawModel(config);
  const params = options.params ?? drawn.params;
  const graph = buildGraph(config);
  const values = execute(graph, feedsOf(config, params, drawn.dropoutMask), options.ops);
  return traceOf(config, graph, values, params, options.ops);
}

/** Every value the graph is fed: x, the parameters, the dropout mask and the key padding. */
export function feedsOf(
  config: AttentionConfig,
  params: ModelParams,
  dropoutMask: Float32Array | null,
): Record<string, Float32Array> {
  const feeds: Record<string, Float32Array> = { x: inputOf(config) };
  for (const [name, p] of Object.entries(params.named)) feeds[name] = p.data;
  if (dropoutMask) feeds.dropout_mask = dropoutMask;
  const padding = keyPaddingOf(config);
  if (padding) feeds.key_padding = padding;
  return feeds;
}

/** The trace's tensors from the executed graph's values (the KV-cache calls run on `ops`). */
export function traceOf(
  config: AttentionConfig,
  graph: Graph,
  values: Map<string, Float32Array>,
  params: ModelParams,
  ops?: OpSet,
): Trace {
  const shapes = new Map(graph.nodes.map((n) => [n.name, n.shape]));
  const out = (name: string): Tensor => {
    const node = graph.outputs[name];
    return tensor(shapes.get(node) as number[], values.get(node));
  };
  const { headDim } = headShape(config, inputDims(config).dIn);
  const dropoutMask = values.get('dropout_mask');
  return {
    config,
    params: params.named,
    scale: config.scaled ? 1 / Math.sqrt(headDim) : 1,
    queries: out('queries'),
    keys: out('keys'),
    values: out('values'),
    attn_scores: out('attn_scores'),
    masked_scores: out('masked_scores'),
    attn_weights: out('attn_weights'),
    dropout_mask: dropoutMask ? tensor(shapes.get('dropout_mask') as number[], dropoutMask) : null,
    attn_weights_dropped: out('attn_weights_dropped'),
    context: out('context'),
    ...(graph.outputs.context_concat ? { context_concat: out('context_concat') } : {}),
    output: out('output'),
    ...(config.kv_cache ? { cached: runCached(config, params, ops) } : {}),
  };
}
