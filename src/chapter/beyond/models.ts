/**
 * The attention shapes of real models, so a step can compute (not quote) their parameter counts
 * and KV-cache sizes. Sizes from the models' published configs.
 */
export interface AttentionShape {
  name: string;
  /** Input and output width of the attention block (d_in = d_out = the model width). */
  d_model: number;
  num_heads: number;
  /** Key/value heads: num_heads for MHA, 1 for MQA, in between for GQA. */
  num_kv_groups: number;
  num_layers: number;
  /** Bias in W_query, W_key and W_value. */
  qkv_bias: boolean;
  /** Bias in out_proj. */
  out_bias: boolean;
  /** Bytes a cached key or value number takes: 2 for the 16-bit floats real models serve in. */
  bytes_per_value: number;
}

/** GPT-2 small (124M): one fused c_attn with bias and a biased c_proj; multi-head attention. */
export const GPT2_SMALL: AttentionShape = {
  name: 'GPT-2 small (124M)',
  d_model: 768,
  num_heads: 12,
  num_kv_groups: 12,
  num_layers: 12,
  qkv_bias: true,
  out_bias: true,
  bytes_per_value: 2,
};

/** Llama-3-8B: 32 query heads sharing 8 key/value heads, no biases. */
export const LLAMA3_8B: AttentionShape = {
  name: 'Llama-3-8B',
  d_model: 4096,
  num_heads: 32,
  num_kv_groups: 8,
  num_layers: 32,
  qkv_bias: false,
  out_bias: false,
  bytes_per_value: 2,
};

export const REAL_MODELS: readonly AttentionShape[] = [GPT2_SMALL, LLAMA3_8B];
