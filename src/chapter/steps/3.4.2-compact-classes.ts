/** §3.4.2: the same maths as the SelfAttention_v1 and _v2 modules. */

import { selfAttentionV2 } from '../classes.ts';
import { contextPanel, paramPanel, QKV, weightsPanel } from '../panels/make.ts';
import { inputsOf } from './configs.ts';
import { aligned, py } from './python.ts';
import type { StepDef } from './types.ts';

export const step342: StepDef<'3.4.2'> = {
  id: '3.4.2',
  short: 'Compact classes',
  title: 'Implementing a compact self-attention Python class',
  // The book builds SelfAttention_v2 after torch.manual_seed(789).
  defaults: { seed: 789 },
  prose: [
    'The same computation as a PyTorch module that handles every token at once. SelfAttention_v1 keeps the `torch.rand` matrices of the previous step, wrapped in `nn.Parameter` (seed 123).',
    'SelfAttention_v2 uses `nn.Linear` layers without bias instead: their initialisation suits training better, and `x @ W` becomes a layer call. Different initial weights give different numbers; the book builds it after `torch.manual_seed(789)`.',
    '`nn.Linear` stores its weight as [d_out, d_in]; the matrices shown are its `.weight.T`, so they multiply like W_query did.',
  ],
  code: (view) =>
    aligned([
      selfAttentionV2(view),
      '',
      'torch.manual_seed(123)',
      `sa_v1 = SelfAttention_v1(d_in, ${view.d_out})   # torch.rand weights, as in 3.4.1`,
      `torch.manual_seed(${view.seed})`,
      `sa_v2 = SelfAttention_v2(d_in, ${view.d_out}, qkv_bias=${py(view.qkv_bias)})`,
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
  panels: (_view, [v2, v1]) => [
    {
      title: 'SelfAttention_v2’s weights and output',
      panels: [weightsPanel({ trace: v2 }), contextPanel({ trace: v2 })],
    },
    {
      title: 'SelfAttention_v1: torch.rand weights (seed 123)',
      note: 'The module form of the previous step: its rows are every token’s z⁽ⁱ⁾.',
      panels: [contextPanel({ trace: v1 }, 'context vectors, SelfAttention_v1', 'context_v1')],
    },
    {
      title: `SelfAttention_v2: nn.Linear weights (seed ${v2.config.seed})`,
      note: 'Shown as weight.T so that queries = x @ W_query.',
      panels: QKV.map((name) => paramPanel(v2, name, name)),
    },
  ],
  featured: () => ({ panel: 'context', row: 0, col: 0 }),
};
