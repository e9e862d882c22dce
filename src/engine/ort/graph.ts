import type { AttentionConfig, MaskFill, SoftmaxKind, Variant } from '../config.ts';
import { buildGraph } from '../graph/build.ts';
import { TRACE_TENSORS } from '../trace.ts';
import { emitOnnx } from './emit.ts';

/** Everything that fixes a trace graph's nodes and shapes (weights and x are fed as inputs). */
export interface AttentionGraphSpec {
  variant: Variant;
  batch: number;
  t: number;
  dIn: number;
  /** As the config's d_out: per head for the single-module variants, total for mha/gqa. */
  dOut: number;
  heads: number;
  kvGroups: number | null;
  qkvBias: boolean;
  causal: boolean;
  scaled: boolean;
  /** Whether a `dropout_mask` input multiplies the weights. */
  dropout: boolean;
  softmax: SoftmaxKind;
  /** Whether a `key_padding` input hides padded keys, and what they become. */
  padding: boolean;
  maskFill: MaskFill;
}

export function graphSpecOf(config: AttentionConfig): AttentionGraphSpec {
  return {
    variant: config.variant,
    batch: config.batch,
    t: config.embeddings.length,
    dIn: config.embeddings[0].length,
    dOut: config.d_out,
    heads: config.num_heads,
    kvGroups: config.num_kv_groups ?? null,
    qkvBias: config.qkv_bias,
    causal: config.causal,
    scaled: config.scaled,
    dropout: config.training && config.dropout > 0,
    softmax: config.softmax,
    padding: config.attention_mask !== undefined,
    maskFill: config.mask_fill ?? '-inf',
  };
}

/** Sessions are cached by this: two specs with the same key build byte-identical models. */
export function graphKey(spec: AttentionGraphSpec): string {
  return JSON.stringify(spec);
}

/** A config with this spec's structure (the values of x and the mask do not shape the graph). */
export function structureOf(spec: AttentionGraphSpec): AttentionConfig {
  const row = new Array<number>(spec.dIn).fill(0);
  return {
    variant: spec.variant,
    tokens: [],
    embeddings: Array.from({ length: spec.t }, () => row),
    seed: 0,
    d_out: spec.dOut,
    num_heads: spec.heads,
    qkv_bias: spec.qkvBias,
    causal: spec.causal,
    dropout: spec.dropout ? 0.5 : 0,
    training: spec.dropout,
    batch: spec.batch,
    ...(spec.kvGroups !== null ? { num_kv_groups: spec.kvGroups } : {}),
    ...(spec.padding ? { attention_mask: [], mask_fill: spec.maskFill } : {}),
    scaled: spec.scaled,
    softmax: spec.softmax,
    share_wrapper_weights: false,
  };
}

/**
 * The forward pass as ONNX, emitted from the engine's graph. Inputs: `x` [b, T, d_in], every
 * weight under its trace name in the `x @ W` layout, `dropout_mask` and `key_padding` when used —
 * all from the reference engine's draws, so every backend computes the book's numbers. Outputs:
 * the trace's tensors.
 */
export function buildAttentionGraph(spec: AttentionGraphSpec): Uint8Array {
  const graph = buildGraph(structureOf(spec));
  const outputs = TRACE_TENSORS.filter((name) => graph.outputs[name] === name);
  return emitOnnx(graph, { name: `attention_${spec.variant}`, outputs });
}
