import type { ViewState } from '../view.ts';
import type { StepDef } from './types.ts';
import { aligned, inputsOf, pythonInputs, queryIndex } from './types.ts';

/** The softmax line, with or without the √d_k the learner may switch off. */
function softmaxLine(scores: string, view: ViewState, indent = ''): string {
  return view.scaled
    ? `${indent}attn_weights = torch.softmax(${scores} / keys.shape[-1]**0.5, dim=-1)`
    : `${indent}attn_weights = torch.softmax(${scores}, dim=-1)  # scaling switched off`;
}

/** 3.4.1: W_query, W_key, W_value from torch.rand, one query at a time. */
export const step341: StepDef = {
  id: '3.4.1',
  short: 'Trainable weights',
  title: 'Computing the attention weights step by step',
  prose: [
    'Now the model gets three trainable matrices. W_query, W_key and W_value project each d_in-dimensional input to d_out dimensions. Here they are untrained: `torch.rand` after `torch.manual_seed`.',
    'The query is q⁽²⁾ = x⁽²⁾ W_query; every token j gets a key k⁽ʲ⁾ = x⁽ʲ⁾ W_key and a value v⁽ʲ⁾ = x⁽ʲ⁾ W_value.',
    'Scores are now ω₂ⱼ = q⁽²⁾ · k⁽ʲ⁾. Before the softmax they are divided by √d_k, the square root of the keys’ width: large dot products would otherwise push softmax towards one-hot weights with vanishing gradients.',
    'The context vector weights the values instead of the inputs: z⁽²⁾ = Σⱼ α₂ⱼ v⁽ʲ⁾.',
  ],
  code(view) {
    const q = queryIndex(view);
    const n = q + 1;
    const rand = 'torch.nn.Parameter(torch.rand(d_in, d_out), requires_grad=False)';
    return aligned([
      pythonInputs(view),
      `torch.manual_seed(${view.seed})`,
      `d_in, d_out = inputs.shape[1], ${view.d_out}`,
      `W_query = ${rand}`,
      `W_key   = ${rand}`,
      `W_value = ${rand}`,
      '',
      `query_${n} = inputs[${q}] @ W_query   # q^${n}`,
      'keys = inputs @ W_key              # k^j, one row per token',
      'values = inputs @ W_value',
      '',
      `attn_scores_${n} = query_${n} @ keys.T  # ω_${n}j = q^${n} · k^j`,
      softmaxLine(`attn_scores_${n}`, view).replace('attn_weights', `attn_weights_${n}`),
      `context_vec_${n} = attn_weights_${n} @ values`,
    ]);
  },
  controls: ['query', 'seed', 'd_out', 'scaled'],
  configsFor: (view) => [
    { variant: 'v1', ...inputsOf(view), seed: view.seed, d_out: view.d_out, scaled: view.scaled },
  ],
  featured: (view) => ({ panel: 'attention scores', row: 0, col: queryIndex(view) }),
};

/** 3.4.2: the same maths as SelfAttention_v1 and _v2 modules. */
export const step342: StepDef = {
  id: '3.4.2',
  short: 'Compact classes',
  title: 'Implementing a compact self-attention Python class',
  prose: [
    'The same computation as a PyTorch module that handles every token at once. SelfAttention_v1 keeps the `torch.rand` matrices of the previous step, wrapped in `nn.Parameter` (seed 123).',
    'SelfAttention_v2 uses `nn.Linear` layers without bias instead: their initialisation suits training better, and `x @ W` becomes a layer call. Different initial weights give different numbers; the book builds it after `torch.manual_seed(789)`.',
    '`nn.Linear` stores its weight as [d_out, d_in]; the matrices shown are its `.weight.T`, so they multiply like W_query did.',
  ],
  code: (view) =>
    aligned([
      'class SelfAttention_v2(nn.Module):',
      '    def __init__(self, d_in, d_out, qkv_bias=False):',
      '        super().__init__()',
      '        self.W_query = nn.Linear(d_in, d_out, bias=qkv_bias)',
      '        self.W_key   = nn.Linear(d_in, d_out, bias=qkv_bias)',
      '        self.W_value = nn.Linear(d_in, d_out, bias=qkv_bias)',
      '',
      '    def forward(self, x):',
      '        queries = self.W_query(x)',
      '        keys = self.W_key(x)',
      '        values = self.W_value(x)',
      '        attn_scores = queries @ keys.T',
      softmaxLine('attn_scores', view, '        '),
      '        return attn_weights @ values',
      '',
      'torch.manual_seed(123)',
      `sa_v1 = SelfAttention_v1(d_in, ${view.d_out})   # torch.rand weights, as in 3.4.1`,
      `torch.manual_seed(${view.seed})`,
      `sa_v2 = SelfAttention_v2(d_in, ${view.d_out}, qkv_bias=${view.qkv_bias ? 'True' : 'False'})`,
      'print(sa_v1(inputs), sa_v2(inputs))',
    ]),
  controls: ['seed', 'd_out', 'qkv_bias', 'scaled'],
  hints: { seed: 'for SelfAttention_v2; v1 keeps seed 123' },
  configsFor: (view) => {
    const shared = { ...inputsOf(view), d_out: view.d_out, scaled: view.scaled };
    return [
      { variant: 'v2', ...shared, seed: view.seed, qkv_bias: view.qkv_bias },
      { variant: 'v1', ...shared, seed: 123 },
    ];
  },
  featured: () => ({ panel: 'context vectors', row: 0, col: 0 }),
};
