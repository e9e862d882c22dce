/** §3.5.2: dropout on the attention weights, training vs eval. */
import { dropoutOnOnes } from '../derive.ts';
import { onesDropoutFormula } from '../formula/derived.ts';
import { contextPanel, dropoutMaskPanel, droppedPanel, weightsPanel } from '../panels/make.ts';
import { CELL, type Panel } from '../panels/types.ts';
import { moduleConfig } from './configs.ts';
import { aligned } from './python.ts';
import type { StepDef } from './types.ts';

export const step352: StepDef<'3.5.2'> = {
  id: '3.5.2',
  short: 'Dropout',
  title: 'Masking additional attention weights with dropout',
  defaults: { dropout: 0.5, training: true, causal: true },
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
  configsFor: (view) => [{ ...moduleConfig(view, 'causal'), causal: true }],
  panels(view, [trace]) {
    const t = trace.config.tokens.length;
    const p = trace.config.dropout;
    const ones = dropoutOnOnes(trace.config.seed, p, t);
    const onesPanel: Panel = {
      ...dropoutMaskPanel({ trace }),
      id: 'dropout_ones',
      label: 'dropout applied to ones',
      code: 'dropout(torch.ones(T, T))',
      values: ones,
      status: Uint8Array.from(ones, (x) => (x === 0 ? CELL.dropped : CELL.normal)),
      formula: (i, j) => onesDropoutFormula(ones[i * t + j], p, i, j),
    };
    const active = trace.dropout_mask !== null;
    return [
      {
        title: `Dropout on a matrix of ones (p = ${p}, seed ${trace.config.seed})`,
        note: p === 0 ? 'With p = 0 nothing is dropped.' : `Kept entries become 1/(1 − ${p}).`,
        panels: [onesPanel],
      },
      {
        title: 'Dropout on the causal attention weights',
        note: active
          ? 'Training mode: the mask is drawn right after the module’s weights.'
          : `Dropout is off (${view.training ? 'p = 0' : 'eval mode'}): the weights pass through unchanged.`,
        panels: active
          ? [weightsPanel({ trace }), dropoutMaskPanel({ trace }), droppedPanel({ trace })]
          : [weightsPanel({ trace })],
      },
      {
        title: 'The context vectors',
        panels: [contextPanel({ trace })],
      },
    ];
  },
  featured: () => ({ panel: 'attn_weights_dropped', row: 1, col: 0 }),
};
