/** The view → engine-request mappings the steps share, written once. */
import type { AttentionConfigInput } from '../../engine/config.ts';
import type { ViewState } from '../view.ts';

/** The token a one-query step walks through: the locked row, else x⁽²⁾ as in the book. */
export function queryIndex(view: ViewState): number {
  const t = view.tokens.length;
  const row = view.locked?.row ?? 1;
  return Math.max(0, Math.min(t - 1, row));
}

/** The inputs every config shares. */
export function inputsOf(view: ViewState): Pick<AttentionConfigInput, 'tokens' | 'embeddings'> {
  return { tokens: view.tokens, embeddings: view.embeddings };
}

/** The learner's settings of a CausalAttention-like module (§3.5; §3.6 adds num_heads). */
export function moduleConfig(
  view: ViewState,
  variant: AttentionConfigInput['variant'],
): AttentionConfigInput {
  return {
    variant,
    ...inputsOf(view),
    seed: view.seed,
    d_out: view.d_out,
    qkv_bias: view.qkv_bias,
    dropout: view.dropout,
    training: view.training,
    causal: view.causal,
    scaled: view.scaled,
  };
}
