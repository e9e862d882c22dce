/** The attention variants, in the order chapter 3 builds them. */
export const VARIANTS = ['simple', 'v1', 'v2', 'causal', 'mha_wrapper', 'mha'] as const;
export type Variant = (typeof VARIANTS)[number];

/**
 * A request to the engine, in the oracle's format (../shared/oracle/README.md): every field
 * optional; `resolveConfig` fills the chapter's defaults and validates.
 */
export interface AttentionConfigInput {
  variant?: Variant;
  tokens?: string[];
  embeddings?: number[][];
  seed?: number;
  d_out?: number;
  num_heads?: number;
  qkv_bias?: boolean;
  causal?: boolean;
  dropout?: number;
  training?: boolean;
  batch?: number;
  /** Our extension (not in the oracle): divide scores by √d_k. Default true except `simple`. */
  scaled?: boolean;
  /** Our extension: the naive exp(x)/Σexp(x) overflows past x ≈ 88.7; only for that lesson. */
  softmax?: SoftmaxKind;
  /**
   * Our extension, `mha` only: use the wrapper's per-head weights (stacked) and an identity
   * out_proj instead of mha's own, to show the two classes compute the same thing (§3.6.2).
   */
  share_wrapper_weights?: boolean;
}

export const SOFTMAX_KINDS = ['stable', 'naive'] as const;
export type SoftmaxKind = (typeof SOFTMAX_KINDS)[number];

/** A config with every field present and checked. Key order matches the oracle's JSON. */
export interface AttentionConfig {
  variant: Variant;
  tokens: string[];
  embeddings: number[][];
  seed: number;
  d_out: number;
  num_heads: number;
  qkv_bias: boolean;
  causal: boolean;
  dropout: number;
  training: boolean;
  batch: number;
  scaled: boolean;
  softmax: SoftmaxKind;
  share_wrapper_weights: boolean;
}

export const BOOK_TOKENS = ['Your', 'journey', 'starts', 'with', 'one', 'step'];
export const BOOK_EMBEDDINGS = [
  [0.43, 0.15, 0.89],
  [0.55, 0.87, 0.66],
  [0.57, 0.85, 0.64],
  [0.22, 0.58, 0.33],
  [0.77, 0.25, 0.1],
  [0.05, 0.8, 0.55],
];
