import type { AttentionConfig, Variant } from './config.ts';

export type Projection = 'W_query' | 'W_key' | 'W_value';

/**
 * What one attention variant is: everything the engine needs to know about it, in one row. The
 * computation graph (graph/build.ts), the weight draws (params.ts), the dropout draws (draws.ts)
 * and the config defaults (resolve-config.ts) read this table and nothing else.
 */
export interface VariantSpec {
  /** Where queries, keys and values come from: x itself, one module per head, or one fused module. */
  projection: 'none' | 'per_head' | 'fused';
  /** How a projection's weight is made: `torch.rand` (SelfAttention_v1) or `nn.Linear`. */
  weights: 'rand' | 'linear' | null;
  /** The projections in the order the module's constructor draws them. */
  drawOrder: readonly Projection[];
  /** `num_heads` applies (else one head). */
  multiHead: boolean;
  /** `d_out` is the total width split into heads (else each head's width). */
  dOutIsTotal: boolean;
  /** Keys and values have `num_kv_groups` heads, each serving num_heads / num_kv_groups queries. */
  kvGroups: boolean;
  /** The output projection after the heads are merged, with or without bias. */
  outProj: { bias: boolean } | null;
  /** Parameters are named `heads.I.NAME` (the wrapper's ModuleList). */
  headPrefix: boolean;
  /** The heads run one after another, each drawing its own dropout mask. */
  dropoutPerHead: boolean;
  /** Defaults when the config leaves them out. */
  causal: boolean;
  scaled: boolean;
}

const QKV: readonly Projection[] = ['W_query', 'W_key', 'W_value'];
const single = {
  projection: 'per_head',
  weights: 'linear',
  drawOrder: QKV,
  multiHead: false,
  dOutIsTotal: false,
  kvGroups: false,
  outProj: null,
  headPrefix: false,
  dropoutPerHead: false,
  causal: false,
  scaled: true,
} as const satisfies VariantSpec;

/** The chapter's variants in the order it builds them, then rasbt's grouped-query attention. */
export const VARIANT_SPECS: Record<Variant, VariantSpec> = {
  simple: { ...single, projection: 'none', weights: null, drawOrder: [], scaled: false },
  v1: { ...single, weights: 'rand' },
  v2: single,
  causal: { ...single, causal: true },
  mha_wrapper: { ...single, multiHead: true, headPrefix: true, dropoutPerHead: true, causal: true },
  mha: {
    ...single,
    projection: 'fused',
    multiHead: true,
    dOutIsTotal: true,
    outProj: { bias: true },
    causal: true,
  },
  gqa: {
    ...single,
    projection: 'fused',
    drawOrder: ['W_key', 'W_value', 'W_query'],
    multiHead: true,
    dOutIsTotal: true,
    kvGroups: true,
    outProj: { bias: false },
    causal: true,
  },
};

export function specOf(config: Pick<AttentionConfig, 'variant'>): VariantSpec {
  return VARIANT_SPECS[config.variant];
}

/** Heads, key/value heads and head width as the trace shapes them: [b, heads, T, headDim]. */
export interface HeadShape {
  heads: number;
  kvHeads: number;
  headDim: number;
  /** Width of the merged heads: heads × headDim. */
  width: number;
}

export function headShape(
  config: Pick<AttentionConfig, 'variant' | 'num_heads' | 'd_out'> & { num_kv_groups?: number },
  dIn: number,
): HeadShape {
  const spec = specOf(config);
  const heads = spec.multiHead ? config.num_heads : 1;
  const headDim =
    spec.projection === 'none' ? dIn : spec.dOutIsTotal ? config.d_out / heads : config.d_out;
  const kvHeads = spec.kvGroups ? (config.num_kv_groups ?? 1) : heads;
  return { heads, kvHeads, headDim, width: heads * headDim };
}
