/** §3.5.2: dropout on the attention weights, training vs eval. */

import type { Trace } from '../../engine/trace.ts';
import { dropoutOnOnes, multiply } from '../derive.ts';
import { onesDropoutFormula } from '../formula/derived.ts';
import { contextPanel, dropoutMaskPanel, droppedPanel, weightsPanel } from '../panels/make.ts';
import { CELL, type Panel } from '../panels/types.ts';
import { inputsOf, moduleConfig } from './configs.ts';
import { aligned } from './python.ts';
import type { StepDef } from './types.ts';

/** The seed of §3.5.1's SelfAttention_v2 weights, which the book's dropout print reuses. */
const BOOK_WEIGHTS_SEED = 789;

/** §3.5.1's weights with the mask drawn for the matrix of ones, as a trace of its own. */
function bookDropout(earlier: Trace, ones: Float32Array): Trace {
  const shape = earlier.attn_weights.shape;
  return {
    ...earlier,
    dropout_mask: { data: ones, shape },
    attn_weights_dropped: { data: multiply(earlier.attn_weights.data, ones), shape },
  };
}

export const step352: StepDef<'3.5.2'> = {
  id: '3.5.2',
  short: 'Dropout',
  title: 'Masking additional attention weights with dropout',
  defaults: { dropout: 0.5, training: true, causal: true },
  prose: [
    'Dropout zeroes a random part of the attention weights during training, so the model cannot lean on a few connections. With p = 0.5 each weight is dropped with probability one half.',
    'The weights that survive are multiplied by 1/(1 − p), here 2, so every row keeps the same total on average.',
    'Dropout acts only in training mode. After `model.eval()` it is the identity and the weights pass through untouched.',
    'The book resets the seed to 123 and applies the same dropout to the causal weights of §3.5.1: the mask it printed for the matrix of ones, so the zeros fall in the same places. CausalAttention draws its mask right after building its own weights, so its numbers differ.',
  ],
  code: (view) => {
    const p = view.dropout;
    const t = view.tokens.length;
    return aligned([
      `torch.manual_seed(${view.seed})`,
      `dropout = torch.nn.Dropout(${p})`,
      `example = torch.ones(${t}, ${t})`,
      'print(dropout(example))     # each entry 0 or 1/(1-p)',
      '',
      `torch.manual_seed(${view.seed})`,
      `print(dropout(attn_weights))  # §3.5.1's causal weights (seed ${BOOK_WEIGHTS_SEED})`,
      '',
      `torch.manual_seed(${view.seed})`,
      `ca = CausalAttention(d_in, ${view.d_out}, context_length=${t}, dropout=${p})`,
      view.training
        ? 'ca.train()                  # dropout on'
        : 'ca.eval()                   # dropout off',
      'context_vecs = ca(inputs.unsqueeze(0))',
      `print(context_vecs.shape)   # torch.Size([1, ${t}, ${view.d_out}])`,
      '# inside: attn_weights = self.dropout(attn_weights)',
    ]);
  },
  controls: ['seed', 'dropout', 'training'],
  configsFor: (view) => [
    { ...moduleConfig(view, 'causal'), causal: true },
    // §3.5.1's causal weights, which the book's print applies its seed-123 mask to.
    {
      variant: 'causal',
      ...inputsOf(view),
      seed: BOOK_WEIGHTS_SEED,
      d_out: view.d_out,
      scaled: view.scaled,
    },
  ],
  panels(view, [trace, earlier]) {
    const t = trace.config.tokens.length;
    const p = trace.config.dropout;
    const seed = trace.config.seed;
    const ones = dropoutOnOnes(seed, p, t);
    const book = bookDropout(earlier, ones);
    const active = trace.dropout_mask !== null;
    const module = (w: Panel, label: string): Panel => ({ ...w, id: `${w.id}.module`, label });
    const onesPanel: Panel = {
      ...dropoutMaskPanel({ trace }),
      id: 'dropout_ones',
      label: 'dropout applied to ones',
      code: 'dropout(torch.ones(T, T))',
      values: ones,
      status: Uint8Array.from(ones, (x) => (x === 0 ? CELL.dropped : CELL.normal)),
      formula: (i, j) => onesDropoutFormula(ones[i * t + j], p, i, j),
    };
    return [
      {
        title: `The book’s print: torch.manual_seed(${seed}); dropout(attn_weights)`,
        note: `The mask printed for the matrix of ones (below), applied to §3.5.1’s causal weights (seed ${BOOK_WEIGHTS_SEED}); kept weights are multiplied by 1/(1 − ${p}).`,
        panels: [
          weightsPanel({ trace: earlier }),
          {
            ...droppedPanel({ trace: book }),
            id: 'attn_weights_dropped.book',
            label: 'attention weights after the book’s dropout',
            code: 'dropout(attn_weights)',
          },
        ],
      },
      {
        title: 'Dropout inside CausalAttention',
        note: `The book stops at its print; the class’s own run is ours: its weights are built after torch.manual_seed(${seed}) and its mask is drawn right after them, so its numbers differ from the print. ${
          active
            ? 'Training mode: dropout is on.'
            : `Dropout is off (${view.training ? 'p = 0' : 'eval mode'}): the weights pass through unchanged.`
        }`,
        panels: active
          ? [
              module(weightsPanel({ trace }), 'CausalAttention’s attention weights'),
              dropoutMaskPanel({ trace }),
              droppedPanel({ trace }),
            ]
          : [module(weightsPanel({ trace }), 'CausalAttention’s attention weights')],
      },
      {
        title: `The context vectors: context_vecs.shape = [${trace.output.shape.join(', ')}]`,
        panels: [contextPanel({ trace })],
      },
      {
        title: `Dropout on a matrix of ones (p = ${p}, seed ${seed})`,
        note: p === 0 ? 'With p = 0 nothing is dropped.' : `Kept entries become 1/(1 − ${p}).`,
        panels: [onesPanel],
      },
    ];
  },
  featured: () => ({ panel: 'attn_weights_dropped.book', row: 2, col: 0 }),
};
