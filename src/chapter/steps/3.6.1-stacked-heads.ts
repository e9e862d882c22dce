/** §3.6.1: a list of CausalAttention heads, concatenated. */

import { multiHeadAttentionWrapper } from '../classes.ts';
import { headGroups, headsOf, outputs } from '../panels/heads.ts';
import { paramPanel, QKV } from '../panels/make.ts';
import { moduleConfig } from './configs.ts';
import { aligned, py } from './python.ts';
import type { StepDef } from './types.ts';

export const step361: StepDef<'3.6.1'> = {
  id: '3.6.1',
  short: 'Stacked heads',
  title: 'Stacking multiple single-head attention layers',
  defaults: { num_heads: 2, causal: true },
  prose: [
    'Multi-head attention runs several causal attention heads side by side. Each has its own W_query, W_key and W_value, so each can learn to attend to a different kind of relation.',
    'MultiHeadAttentionWrapper keeps a list of CausalAttention modules (`nn.ModuleList`) and concatenates their outputs along the last axis: with 2 heads of d_out = 2, every token gets a 4-dimensional context vector.',
    'The heads are built one after another from the same random stream, so head 1 here is exactly the CausalAttention of the previous step.',
  ],
  code: (view) =>
    aligned([
      multiHeadAttentionWrapper(),
      '',
      `torch.manual_seed(${view.seed})`,
      `mha = MultiHeadAttentionWrapper(d_in, ${view.d_out}, batch.shape[1], ${view.dropout},`,
      `                                num_heads=${view.num_heads}, qkv_bias=${py(view.qkv_bias)})`,
      view.training ? 'mha.train()' : 'mha.eval()',
      `context_vecs = mha(batch)   # [2, T, ${view.num_heads} × ${view.d_out}]`,
    ]),
  controls: ['seed', 'd_out', 'num_heads', 'qkv_bias', 'dropout', 'training', 'causal', 'scaled'],
  hints: { d_out: 'per head' },
  configsFor: (view) => [
    { ...moduleConfig(view, 'mha_wrapper'), num_heads: view.num_heads, batch: 2 },
  ],
  panels: (_view, [trace]) => [
    ...headGroups(trace),
    {
      title: `Concatenated: context_vecs, shape [${trace.output.shape.join(', ')}]`,
      note: 'torch.cat along the last axis: head 1’s columns, then head 2’s, and so on.',
      panels: outputs(trace),
    },
    {
      title: 'Each head’s weight matrices',
      note: 'Drawn one head after another from the same random stream.',
      folded: true,
      panels: headsOf(trace).flatMap((h) =>
        QKV.map((name) => paramPanel(trace, `heads.${h}.${name}`, `${name}, head ${h + 1}`)),
      ),
    },
  ],
  featured: (view) => ({ panel: 'output.b1', row: 0, col: Math.min(view.d_out, 2) }),
};
