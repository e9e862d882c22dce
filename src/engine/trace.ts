import type { Tensor } from '../tensor/tensor.ts';
import type { AttentionConfig } from './config.ts';

/** The names of the per-step tensors, as the chapter calls them. */
export const TRACE_TENSORS = [
  'queries',
  'keys',
  'values',
  'attn_scores',
  'masked_scores',
  'attn_weights',
  'dropout_mask',
  'attn_weights_dropped',
  'context',
  'context_concat',
  'output',
] as const;
export type TraceTensorName = (typeof TRACE_TENSORS)[number];

/**
 * Every intermediate of one forward pass. Shapes: queries/keys/values/context [b, h, T, hd];
 * attn_scores … attn_weights_dropped [b, h, T, T]; context_concat [b, T, d_out] (mha only);
 * output [b, T, width]. `params` holds weights in the chapter's `x @ W` layout [d_in, d_out],
 * biases as `NAME.bias`, the wrapper's as `heads.I.NAME`.
 */
export interface Trace {
  config: AttentionConfig;
  params: Record<string, Tensor>;
  /** 1 for `simple` (and when scaling is off), else 1/√head_dim. */
  scale: number;
  queries: Tensor;
  keys: Tensor;
  values: Tensor;
  attn_scores: Tensor;
  masked_scores: Tensor;
  attn_weights: Tensor;
  dropout_mask: Tensor | null;
  attn_weights_dropped: Tensor;
  context: Tensor;
  context_concat?: Tensor;
  output: Tensor;
  /** `train`: the loss at each optimizer step, before that step's update. */
  loss_history?: number[];
  /** `target`: the MSE (mean) of `output` against it. */
  loss?: number;
  /** `target`: d loss / d every parameter (named and laid out as `params`) and `embeddings`. */
  grads?: Record<string, Tensor>;
  /**
   * `kv_cache`: the cached path's output, the final cache [b, kv heads, T, hd], and its weights
   * [b, h, T, T], each row as its call computed it (not in the trace JSON: the oracle has none).
   */
  cached?: { output: Tensor; keys: Tensor; values: Tensor; attn_weights: Tensor };
}
