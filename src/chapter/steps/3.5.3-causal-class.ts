/** §3.5.3: CausalAttention on a batch of two. */

import { causalAttention } from '../classes.ts';
import { contextPanel, droppedPanel, maskedScoresPanel, weightsPanel } from '../panels/make.ts';
import { sameCheck } from '../panels/words.ts';
import { moduleConfig } from './configs.ts';
import { aligned, py } from './python.ts';
import type { StepDef } from './types.ts';

export const step353: StepDef<'3.5.3'> = {
  id: '3.5.3',
  short: 'Causal class',
  title: 'Implementing a compact causal attention class',
  defaults: { causal: true },
  prose: [
    'CausalAttention puts the pieces together: the three projections, the −∞ mask, the scaled softmax, dropout, and the weighted sum of the values.',
    'It takes a batch: two copies of the sentence stacked into a [2, T, d_in] tensor. The mask is a buffer built once for the longest context and cut to the sequence length; `keys.transpose(1, 2)` swaps the last two axes and leaves the batch axis alone.',
    'The result has shape [2, T, d_out]: one context vector per token, per batch item.',
  ],
  code: (view) =>
    aligned([
      causalAttention(view),
      '',
      'batch = torch.stack((inputs, inputs), dim=0)',
      `torch.manual_seed(${view.seed})`,
      `ca = CausalAttention(d_in, ${view.d_out}, batch.shape[1], ${view.dropout}, qkv_bias=${py(view.qkv_bias)})`,
      view.training ? 'ca.train()' : 'ca.eval()',
      'context_vecs = ca(batch)   # shape [2, T, d_out]',
    ]),
  controls: ['seed', 'd_out', 'qkv_bias', 'dropout', 'training', 'causal', 'scaled'],
  configsFor: (view) => [{ ...moduleConfig(view, 'causal'), batch: 2 }],
  panels(_view, [trace]) {
    const active = trace.dropout_mask !== null;
    const first = { trace, b: 0 };
    const out1 = contextPanel(first, 'context vectors, batch 1');
    const out2 = contextPanel({ trace, b: 1 }, 'context vectors, batch 2');
    return [
      {
        title: 'Inside the module, batch item 1',
        note: `batch.shape = [${trace.config.batch}, ${trace.config.tokens.length}, ${trace.config.embeddings[0].length}]: the sentence twice.`,
        panels: active
          ? [maskedScoresPanel(first), weightsPanel(first), droppedPanel(first)]
          : [maskedScoresPanel(first), weightsPanel(first)],
      },
      {
        title: `context_vecs.shape = [${trace.output.shape.join(', ')}]`,
        note: 'The batch holds the same sentence twice.',
        panels: [out1, out2],
        checks: active
          ? [
              {
                ok: true,
                text: 'With dropout on, each batch item draws its own mask, so the two differ.',
              },
            ]
          : [sameCheck(out1.values, out2.values, 'Both batch items')],
      },
    ];
  },
  featured: () => ({ panel: 'context.b1', row: 0, col: 0 }),
};
