/** §3.5: the causal mask two ways, dropout, and the compact class on a batch. */
import type { Trace } from '../../engine/trace.ts';
import { causalMask, dropoutOnOnes, multiply, renormaliseRows } from '../derive.ts';
import {
  maskedWeightFormula,
  onesDropoutFormula,
  renormFormula,
  trilFormula,
} from '../formula/derived.ts';
import type { ViewState } from '../view.ts';
import {
  contextPanel,
  dropoutMaskPanel,
  droppedPanel,
  maskedScoresPanel,
  scoresPanel,
  weightsPanel,
} from './make.ts';
import { rowOf } from './slice.ts';
import { CELL, type Panel, type PanelGroup } from './types.ts';
import { sameCheck } from './words.ts';

export function panels351(_view: ViewState, [v2, causal]: Trace[]): PanelGroup[] {
  const t = v2.config.tokens.length;
  const before = weightsPanel({ trace: v2 }, 'attention weights before masking');
  const tril = causalMask(t);
  const masked = multiply(before.values, tril);
  const renorm = renormaliseRows(masked, t);
  const status = Uint8Array.from(tril, (x) => (x === 0 ? CELL.masked : CELL.normal));
  const like = (label: string, code: string, kind: Panel['kind'], values: Float32Array) => ({
    ...before,
    label,
    code,
    kind,
    values,
    status,
  });
  const after = weightsPanel({ trace: causal });
  return [
    {
      title: 'Way 1: mask the weights, then renormalise',
      panels: [
        { ...before, code: 'attn_weights' },
        {
          ...like('causal mask', 'torch.tril(torch.ones(T, T))', 'mask', tril),
          formula: trilFormula,
        },
        {
          ...like('masked attention weights', 'attn_weights * mask_simple', 'weights', masked),
          formula: (i, j) => maskedWeightFormula(before.values[i * t + j], tril[i * t + j], i, j),
        },
        {
          ...like('renormalised attention weights', 'masked_simple_norm', 'weights', renorm),
          formula: (i, j) => renormFormula(rowOf(masked, i, t), i, j, renorm[i * t + j]),
        },
      ],
    },
    {
      title: 'Way 2: −∞ above the diagonal, one softmax',
      panels: [scoresPanel({ trace: causal }), maskedScoresPanel({ trace: causal }), after],
      checks: [sameCheck(renorm, after.values, 'Way 1 and way 2 give the same weights')],
    },
  ];
}

export function panels352(view: ViewState, [trace]: Trace[]): PanelGroup[] {
  const t = trace.config.tokens.length;
  const p = trace.config.dropout;
  const ones = dropoutOnOnes(trace.config.seed, p, t);
  const onesPanel: Panel = {
    ...dropoutMaskPanel({ trace }),
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
}

export function panels353(_view: ViewState, [trace]: Trace[]): PanelGroup[] {
  const active = trace.dropout_mask !== null;
  const first = { trace, b: 0 };
  const out1 = contextPanel(first, 'context vectors, batch 1');
  const out2 = contextPanel({ trace, b: 1 }, 'context vectors, batch 2');
  return [
    {
      title: 'Inside the module, batch item 1',
      panels: active
        ? [maskedScoresPanel(first), weightsPanel(first), droppedPanel(first)]
        : [maskedScoresPanel(first), weightsPanel(first)],
    },
    {
      title: `context_vecs: shape [${trace.output.shape.join(', ')}]`,
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
}
