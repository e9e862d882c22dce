/** §4.3 (after chapter 3): a batch of sentences, left-padded, with a padding mask. */
import type { AttentionConfigInput } from '../../engine/config.ts';
import { leftPad, type PaddedBatch } from '../beyond/padding.ts';
import { paddingPanels } from '../beyond/padding-panels.ts';
import { repairPadding, sentencesField } from '../beyond/state.ts';
import type { ViewState } from '../view.ts';
import { readLocal } from './local.ts';
import { aligned } from './python.ts';
import type { StepDef } from './types.ts';

const LOCAL = { sentences: sentencesField };

/** The pad token's embedding: one fixed vector, as a tokenizer's pad id has one embedding row. */
export const PAD_EMBEDDING = [0.9, 0.9, 0.9];

/** The batch the learner built, fitted to their tokens, and what fitting it changed. */
export function paddingBatch(view: ViewState): { batch: PaddedBatch; problems: string[] } {
  const problems: string[] = [];
  const T = view.tokens.length;
  const { sentences } = repairPadding(readLocal(LOCAL, view), T, problems);
  const dIn = view.embeddings[0]?.length ?? 3;
  const pad = Array.from({ length: dIn }, (_, d) => PAD_EMBEDDING[d % PAD_EMBEDDING.length]);
  const batch = leftPad(
    sentences.map(({ start, length }) => ({
      tokens: view.tokens.slice(start, start + length),
      embeddings: view.embeddings.slice(start, start + length),
    })),
    pad,
  );
  return { batch, problems };
}

function config(view: ViewState, batch: PaddedBatch): AttentionConfigInput {
  return {
    variant: 'mha',
    tokens: batch.tokens[0],
    embeddings: batch.embeddings,
    seed: view.seed,
    d_out: view.d_out,
    num_heads: 1,
    causal: true,
    scaled: view.scaled,
  };
}

export const step43: StepDef<'4.3'> = {
  id: '4.3',
  short: 'Padding',
  title: 'Batches of different lengths: padding and the attention mask',
  defaults: { causal: true },
  local: LOCAL,
  body: 'beyond-padding',
  prose: [
    'A batch is one tensor, so sentences of different lengths are padded to the longest. Decoder LLMs pad on the left: every sentence’s last real token then sits in the last column, where the next token is predicted.',
    'The tokenizer’s attention_mask (1 = token, 0 = pad) becomes a second mask: no query may attend to a pad key. Combined with the causal mask, a pad query at the front sees no key at all. With −∞ its softmax is 0/0 = NaN, as PyTorch computes it; Hugging Face fills with float32’s smallest value instead, so the row becomes uniform, and that pad row is simply ignored.',
    'Leave the padding mask off and the real tokens attend to the pads: the pad token’s embedding (here 0.9 in every dimension) leaks into their context vectors.',
  ],
  code: (view) => {
    const { batch } = paddingBatch(view);
    return aligned([
      `attention_mask = torch.tensor(${JSON.stringify(batch.attention_mask)})  # left padding`,
      'T = attention_mask.shape[1]',
      'causal = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)',
      'pad = (attention_mask == 0)[:, None, :]       # [b, 1, T]: hide pad keys',
      'mask = causal | pad                            # [b, T, T]',
      '',
      `torch.manual_seed(${view.seed})`,
      `ca = CausalAttention(d_in, ${view.d_out}, T, 0.0)`,
      'queries, keys, values = ca.W_query(x), ca.W_key(x), ca.W_value(x)',
      'attn_scores = queries @ keys.transpose(1, 2)',
      'neg = -torch.inf                               # or torch.finfo(torch.float32).min',
      'attn_scores = attn_scores.masked_fill(mask, neg)',
      'attn_weights = torch.softmax(attn_scores / keys.shape[-1]**0.5, dim=-1)  # -inf: NaN rows',
      'context_vecs = attn_weights @ values',
    ]);
  },
  controls: ['seed', 'd_out', 'scaled'],
  configsFor: (view) => {
    const { batch } = paddingBatch(view);
    const base = config(view, batch);
    return [
      { ...base, attention_mask: batch.attention_mask, mask_fill: '-inf' },
      { ...base, attention_mask: batch.attention_mask, mask_fill: 'min' },
      base,
    ];
  },
  panels: (view, traces) => paddingPanels(paddingBatch(view).batch, traces),
  featured: () => ({ panel: 'attn_weights.neg_inf.b2', row: 3, col: 3 }),
};
