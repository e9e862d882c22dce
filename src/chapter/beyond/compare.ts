/** MHA / GQA / MQA side by side at the learner's sizes and at two real models' sizes. */
import {
  attentionParams,
  kvCacheBytesPerToken,
  type SharingKind,
  sharingVariants,
} from './kv-sizes.ts';
import { type AttentionShape, GPT2_SMALL, LLAMA3_8B } from './models.ts';

export interface CompareRow {
  model: string;
  kind: SharingKind;
  num_kv_groups: number;
  /** Attention parameters of every layer. */
  params: number;
  kvBytesPerToken: number;
  shape: AttentionShape;
}

/** The learner's module as a one-layer model, caching float32 as our engine computes. */
export function learnerShape(
  d_in: number,
  d_out: number,
  num_heads: number,
  num_kv_groups: number,
  qkv_bias: boolean,
): AttentionShape & { d_in: number } {
  return {
    name: 'Your module',
    d_in,
    d_model: d_out,
    num_heads,
    num_kv_groups,
    num_layers: 1,
    qkv_bias,
    out_bias: false,
    bytes_per_value: 4,
  };
}

/**
 * Rows for the comparison table. GPT-2 small is MHA; its GQA row groups its 12 heads in 4 K/V
 * heads (a what-if, as Llama's 32 → 8). Llama-3-8B's GQA row is the real model.
 */
export function compareRows(learner: AttentionShape & { d_in?: number }): CompareRow[] {
  const models: [AttentionShape, number][] = [
    [learner, learner.num_kv_groups],
    [GPT2_SMALL, 4],
    [LLAMA3_8B, LLAMA3_8B.num_kv_groups],
  ];
  return models.flatMap(([model, groups]) =>
    sharingVariants(model, groups).map(({ kind, shape }) => ({
      model: model.name,
      kind,
      num_kv_groups: shape.num_kv_groups,
      params: shape.num_layers * attentionParams(shape),
      kvBytesPerToken: kvCacheBytesPerToken(shape),
      shape,
    })),
  );
}
