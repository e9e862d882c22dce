/** The attention variants, in the order chapter 3 builds them, then grouped-query attention. */
export const VARIANTS = ['simple', 'v1', 'v2', 'causal', 'mha_wrapper', 'mha', 'gqa'] as const;
export type Variant = (typeof VARIANTS)[number];

/** The module's settings as the learner picks them and the engine runs them (the book's names). */
export interface ModuleSettings {
  tokens: string[];
  seed: number;
  d_out: number;
  num_heads: number;
  qkv_bias: boolean;
  causal: boolean;
  dropout: number;
  training: boolean;
  /** Our extension (not in the oracle): divide scores by √d_k. Default true except `simple`. */
  scaled: boolean;
}

/** What the engine needs beyond the learner's settings. */
interface EngineSettings {
  variant: Variant;
  batch: number;
  /** Our extension: the naive exp(x)/Σexp(x) overflows past x ≈ 88.7; only for that lesson. */
  softmax: SoftmaxKind;
  /**
   * Our extension, `mha` only: use the wrapper's per-head weights (stacked) and an identity
   * out_proj instead of mha's own, to show the two classes compute the same thing (§3.6.2).
   */
  share_wrapper_weights: boolean;
}

/** The fields past chapter 3: optional in a request and in a resolved config alike. */
interface ConfigExtras {
  /** `gqa` only: key/value heads (1 = multi-query). */
  num_kv_groups?: number;
  /** [batch][T] of 1 (token) / 0 (padding): padded keys are hidden from every query. */
  attention_mask?: number[][];
  mask_fill?: MaskFill;
  /** `mha`/`gqa`, causal, no dropout: also run the cached path, P tokens then one per call. */
  kv_cache?: { prefill?: number };
  /** [batch][T][width]: adds the MSE loss of `output` against it and every gradient. */
  target?: number[][][];
  train?: TrainConfig;
}

/**
 * A request to the engine, in the oracle's format (../shared/oracle/README.md): every field
 * optional; `resolveConfig` fills the chapter's defaults and validates.
 */
export interface AttentionConfigInput
  extends Partial<ModuleSettings & EngineSettings>,
    ConfigExtras {
  /** T × d_in, or [batch][T][d_in] for a batch of different inputs. */
  embeddings?: number[][] | number[][][];
}

export const MASK_FILLS = ['-inf', 'min'] as const;
export type MaskFill = (typeof MASK_FILLS)[number];

export const OPTIMIZERS = ['sgd', 'adamw'] as const;
export type Optimizer = (typeof OPTIMIZERS)[number];

/** Optimizer steps on the MSE loss against `target`, before the traced forward pass. */
export interface TrainConfig {
  steps: number;
  lr: number;
  optimizer?: Optimizer;
  /** AdamW only; default 0.01 as torch.optim.AdamW. */
  weight_decay?: number;
}

export const SOFTMAX_KINDS = ['stable', 'naive'] as const;
export type SoftmaxKind = (typeof SOFTMAX_KINDS)[number];

/** A config with every field present and checked; `resolveConfig` writes the oracle's key order. */
export interface AttentionConfig extends ModuleSettings, EngineSettings, ConfigExtras {
  /** T × d_in: the input (the first sequence when `batch_embeddings` is given). */
  embeddings: number[][];
  /** 3-D embeddings as given: [batch][T][d_in] (the config JSON writes them as `embeddings`). */
  batch_embeddings?: number[][][];
}

/** The book's `torch.manual_seed(123)`. */
export const BOOK_SEED = 123;

export const BOOK_TOKENS = ['Your', 'journey', 'starts', 'with', 'one', 'step'];
export const BOOK_EMBEDDINGS = [
  [0.43, 0.15, 0.89],
  [0.55, 0.87, 0.66],
  [0.57, 0.85, 0.64],
  [0.22, 0.58, 0.33],
  [0.77, 0.25, 0.1],
  [0.05, 0.8, 0.55],
];
