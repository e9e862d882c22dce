import type { ViewState } from '../view.ts';
import type { StepDef } from './types.ts';
import { aligned, inputsOf } from './types.ts';

const py = (b: boolean) => (b ? 'True' : 'False');

function scaledSoftmax(view: ViewState, scores: string): string {
  return view.scaled
    ? `torch.softmax(${scores} / keys.shape[-1]**0.5, dim=-1)`
    : `torch.softmax(${scores}, dim=-1)  # scaling off`;
}

/** The learner's causal-attention settings, shared by 3.5.2 and 3.5.3. */
function causalConfig(view: ViewState) {
  return {
    variant: 'causal' as const,
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

/** 3.5.1: the mask two ways, on SelfAttention_v2's weights (seed 789). */
export const step351: StepDef = {
  id: '3.5.1',
  short: 'Causal mask',
  title: 'Applying a causal attention mask',
  prose: [
    'A language model predicts the next token, so a token may only attend to itself and to the tokens before it. The causal mask hides every key above the diagonal. The book applies it to SelfAttention_v2’s weights, seed 789.',
    'One way: compute the weights as before, multiply them by a lower-triangular matrix of ones (`torch.tril`), then divide each row by its new sum so it adds up to 1 again.',
    'The efficient way: set the scores above the diagonal to −∞ and take one softmax. exp(−∞) = 0, so those keys get no weight and the rest are normalised in the same step: the same weights as the first way.',
  ],
  code: (view) =>
    aligned([
      `torch.manual_seed(${view.seed})`,
      `sa_v2 = SelfAttention_v2(d_in, ${view.d_out})   # reuse its weights`,
      'queries, keys = sa_v2.W_query(inputs), sa_v2.W_key(inputs)',
      'attn_scores = queries @ keys.T',
      `attn_weights = ${scaledSoftmax(view, 'attn_scores')}`,
      '',
      '# way 1: zero the future, then renormalise',
      'T = attn_scores.shape[0]',
      'mask_simple = torch.tril(torch.ones(T, T))',
      'masked_simple = attn_weights * mask_simple',
      'masked_simple_norm = masked_simple / masked_simple.sum(dim=-1, keepdim=True)',
      '',
      '# way 2: −∞ above the diagonal, one softmax',
      'mask = torch.triu(torch.ones(T, T), diagonal=1)',
      'masked = attn_scores.masked_fill(mask.bool(), -torch.inf)',
      `attn_weights = ${scaledSoftmax(view, 'masked')}`,
    ]),
  controls: ['seed', 'd_out', 'scaled'],
  configsFor: (view) => {
    const shared = { ...inputsOf(view), seed: view.seed, d_out: view.d_out, scaled: view.scaled };
    return [
      { variant: 'v2', ...shared, causal: false },
      // CausalAttention at the same seed draws the same nn.Linear weights as SelfAttention_v2.
      { variant: 'causal', ...shared, causal: true },
    ];
  },
  featured: () => ({ panel: 'masked scores', row: 0, col: 1 }),
};

/** 3.5.2: dropout on the attention weights, training vs eval. */
export const step352: StepDef = {
  id: '3.5.2',
  short: 'Dropout',
  title: 'Masking additional attention weights with dropout',
  prose: [
    'Dropout zeroes a random part of the attention weights during training, so the model cannot lean on a few connections. With p = 0.5 each weight is dropped with probability one half.',
    'The weights that survive are multiplied by 1/(1 − p), here 2, so every row keeps the same total on average.',
    'Dropout acts only in training mode. After `model.eval()` it is the identity and the weights pass through untouched. The mask is drawn from the random stream right after the module’s weights.',
  ],
  code: (view) => {
    const p = view.dropout;
    return aligned([
      `torch.manual_seed(${view.seed})`,
      `dropout = torch.nn.Dropout(${p})`,
      `example = torch.ones(${view.tokens.length}, ${view.tokens.length})`,
      `print(dropout(example))     # each entry 0 or 1/(1-p)`,
      '',
      `torch.manual_seed(${view.seed})`,
      `ca = CausalAttention(d_in, ${view.d_out}, context_length=${view.tokens.length}, dropout=${p})`,
      view.training
        ? 'ca.train()                  # dropout on'
        : 'ca.eval()                   # dropout off',
      'context_vecs = ca(inputs.unsqueeze(0))',
      '# inside: attn_weights = self.dropout(attn_weights)',
    ]);
  },
  controls: ['seed', 'dropout', 'training'],
  configsFor: (view) => [{ ...causalConfig(view), causal: true }],
  featured: () => ({ panel: 'attention weights after dropout', row: 1, col: 0 }),
};

/** 3.5.3: CausalAttention on a batch of two. */
export const step353: StepDef = {
  id: '3.5.3',
  short: 'Causal class',
  title: 'Implementing a compact causal attention class',
  prose: [
    'CausalAttention puts the pieces together: the three projections, the −∞ mask, the scaled softmax, dropout, and the weighted sum of the values.',
    'It takes a batch: two copies of the sentence stacked into a [2, T, d_in] tensor. The mask is a buffer built once for the longest context and cut to the sequence length; `keys.transpose(1, 2)` swaps the last two axes and leaves the batch axis alone.',
    'The result has shape [2, T, d_out]: one context vector per token, per batch item.',
  ],
  code: (view) =>
    aligned([
      'class CausalAttention(nn.Module):',
      '    def __init__(self, d_in, d_out, context_length, dropout, qkv_bias=False):',
      '        super().__init__()',
      '        self.W_query = nn.Linear(d_in, d_out, bias=qkv_bias)',
      '        self.W_key   = nn.Linear(d_in, d_out, bias=qkv_bias)',
      '        self.W_value = nn.Linear(d_in, d_out, bias=qkv_bias)',
      '        self.dropout = nn.Dropout(dropout)',
      "        self.register_buffer('mask', torch.triu(",
      '            torch.ones(context_length, context_length), diagonal=1))',
      '',
      '    def forward(self, x):',
      '        b, T, d_in = x.shape',
      '        queries, keys, values = self.W_query(x), self.W_key(x), self.W_value(x)',
      '        attn_scores = queries @ keys.transpose(1, 2)',
      view.causal
        ? '        attn_scores.masked_fill_(self.mask.bool()[:T, :T], -torch.inf)'
        : '        # causal mask switched off',
      `        attn_weights = ${scaledSoftmax(view, 'attn_scores')}`,
      '        attn_weights = self.dropout(attn_weights)',
      '        return attn_weights @ values',
      '',
      'batch = torch.stack((inputs, inputs), dim=0)',
      `torch.manual_seed(${view.seed})`,
      `ca = CausalAttention(d_in, ${view.d_out}, batch.shape[1], ${view.dropout}, qkv_bias=${py(view.qkv_bias)})`,
      view.training ? 'ca.train()' : 'ca.eval()',
      'context_vecs = ca(batch)   # shape [2, T, d_out]',
    ]),
  controls: ['seed', 'd_out', 'qkv_bias', 'dropout', 'training', 'causal', 'scaled'],
  configsFor: (view) => [{ ...causalConfig(view), batch: 2 }],
  featured: () => ({ panel: 'context vectors, batch 1', row: 0, col: 0 }),
};
