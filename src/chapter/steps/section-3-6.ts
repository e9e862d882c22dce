import type { AttentionConfigInput } from '../../engine/config.ts';
import type { ViewState } from '../view.ts';
import type { StepDef } from './types.ts';
import { aligned, inputsOf } from './types.ts';

const py = (b: boolean) => (b ? 'True' : 'False');

/** The learner's multi-head settings on a batch of two. */
function multiHead(view: ViewState): AttentionConfigInput {
  return {
    ...inputsOf(view),
    batch: 2,
    seed: view.seed,
    d_out: view.d_out,
    num_heads: view.num_heads,
    qkv_bias: view.qkv_bias,
    dropout: view.dropout,
    training: view.training,
    causal: view.causal,
    scaled: view.scaled,
  };
}

/** 3.6.1: a list of CausalAttention heads, concatenated. */
export const step361: StepDef = {
  id: '3.6.1',
  short: 'Stacked heads',
  title: 'Stacking multiple single-head attention layers',
  prose: [
    'Multi-head attention runs several causal attention heads side by side. Each has its own W_query, W_key and W_value, so each can learn to attend to a different kind of relation.',
    'MultiHeadAttentionWrapper keeps a list of CausalAttention modules (`nn.ModuleList`) and concatenates their outputs along the last axis: with 2 heads of d_out = 2, every token gets a 4-dimensional context vector.',
    'The heads are built one after another from the same random stream, so head 1 here is exactly the CausalAttention of the previous step.',
  ],
  code: (view) =>
    aligned([
      'class MultiHeadAttentionWrapper(nn.Module):',
      '    def __init__(self, d_in, d_out, context_length, dropout, num_heads, qkv_bias=False):',
      '        super().__init__()',
      '        self.heads = nn.ModuleList([',
      '            CausalAttention(d_in, d_out, context_length, dropout, qkv_bias)',
      '            for _ in range(num_heads)])',
      '',
      '    def forward(self, x):',
      '        return torch.cat([head(x) for head in self.heads], dim=-1)',
      '',
      `torch.manual_seed(${view.seed})`,
      `mha = MultiHeadAttentionWrapper(d_in, ${view.d_out}, batch.shape[1], ${view.dropout},`,
      `                                num_heads=${view.num_heads}, qkv_bias=${py(view.qkv_bias)})`,
      view.training ? 'mha.train()' : 'mha.eval()',
      `context_vecs = mha(batch)   # [2, T, ${view.num_heads} × ${view.d_out}]`,
    ]),
  controls: ['seed', 'd_out', 'num_heads', 'qkv_bias', 'dropout', 'training', 'causal', 'scaled'],
  hints: { d_out: 'per head' },
  configsFor: (view) => [{ variant: 'mha_wrapper', ...multiHead(view) }],
  featured: (view) => ({ panel: 'output, batch 1', row: 0, col: Math.min(view.d_out, 2) }),
};

/** 3.6.2: one projection split into heads, then out_proj; equal to the wrapper when shared. */
export const step362: StepDef = {
  id: '3.6.2',
  short: 'Weight splits',
  title: 'Implementing multi-head attention with weight splits',
  prose: [
    'MultiHeadAttention does the same with one W_query (and one W_key, one W_value) of width d_out, whose output is split into num_heads heads of head_dim = d_out / num_heads.',
    'The split is a reshape and a transpose: `.view(b, T, num_heads, head_dim).transpose(1, 2)` gives [b, num_heads, T, head_dim], so one batched product computes every head’s scores.',
    'The heads’ context vectors are transposed back and concatenated, and an output projection, `out_proj` (an `nn.Linear` from d_out to d_out, with bias), mixes them.',
    'Stack the wrapper’s per-head weights into one matrix and make `out_proj` the identity, and the two classes compute exactly the same numbers.',
  ],
  code: (view) =>
    aligned([
      'class MultiHeadAttention(nn.Module):',
      '    def __init__(self, d_in, d_out, context_length, dropout, num_heads, qkv_bias=False):',
      '        super().__init__()',
      '        assert d_out % num_heads == 0',
      '        self.d_out, self.num_heads = d_out, num_heads',
      '        self.head_dim = d_out // num_heads',
      '        self.W_query = nn.Linear(d_in, d_out, bias=qkv_bias)  # likewise W_key, W_value',
      '        self.out_proj = nn.Linear(d_out, d_out)',
      '',
      '    def forward(self, x):',
      '        b, T, _ = x.shape',
      '        queries = self.W_query(x)                    # [b, T, d_out]',
      '        queries = queries.view(b, T, self.num_heads, self.head_dim)',
      '        queries = queries.transpose(1, 2)            # [b, heads, T, head_dim]',
      '        # ... keys and values the same way',
      '        attn_scores = queries @ keys.transpose(2, 3)',
      view.causal
        ? '        attn_scores.masked_fill_(self.mask.bool()[:T, :T], -torch.inf)'
        : '        # causal mask switched off',
      view.scaled
        ? '        attn_weights = torch.softmax(attn_scores / keys.shape[-1]**0.5, dim=-1)'
        : '        attn_weights = torch.softmax(attn_scores, dim=-1)  # scaling off',
      '        attn_weights = self.dropout(attn_weights)',
      '        context_vec = (attn_weights @ values).transpose(1, 2)',
      '        context_vec = context_vec.contiguous().view(b, T, self.d_out)',
      '        return self.out_proj(context_vec)',
      '',
      `torch.manual_seed(${view.seed})`,
      `mha = MultiHeadAttention(d_in, ${view.d_out}, batch.shape[1], ${view.dropout},`,
      `                         num_heads=${view.num_heads}, qkv_bias=${py(view.qkv_bias)})`,
      'context_vecs = mha(batch)',
    ]),
  controls: ['seed', 'd_out', 'num_heads', 'qkv_bias', 'dropout', 'training', 'causal', 'scaled'],
  hints: { d_out: 'in total, split across the heads' },
  configsFor: (view) => {
    const base = multiHead(view);
    // The equality holds in eval mode only: mha draws one dropout mask, the wrapper one per head.
    const evalMode = { ...base, training: false };
    const perHead = Math.max(1, Math.floor(view.d_out / view.num_heads));
    return [
      { variant: 'mha', ...base },
      { variant: 'mha', ...evalMode, share_wrapper_weights: true },
      { variant: 'mha_wrapper', ...evalMode, d_out: perHead },
    ];
  },
  featured: () => ({ panel: 'output, batch 1', row: 0, col: 0 }),
};
