/** §3.6: heads stacked by the wrapper, then split out of one projection. */
import type { Trace } from '../../engine/trace.ts';
import { mergeHeads } from '../../tensor/heads.ts';
import { splitFormula } from '../formula/derived.ts';
import { outputFormula } from '../formula/projection.ts';
import type { ViewState } from '../view.ts';
import {
  contextPanel,
  droppedPanel,
  outputPanel,
  paramPanel,
  projectedPanel,
  type Where,
  weightsPanel,
} from './make.ts';
import { dimLabels, item } from './slice.ts';
import type { Panel, PanelGroup } from './types.ts';
import { sameCheck } from './words.ts';

const QKV = ['W_query', 'W_key', 'W_value'] as const;

function headsOf(trace: Trace): number[] {
  return Array.from({ length: trace.attn_weights.shape[1] }, (_, h) => h);
}

/** One group per head: its weights (after dropout when on) and its context vectors. */
function headGroups(trace: Trace): PanelGroup[] {
  return headsOf(trace).map((h) => {
    const w: Where = { trace, h, suffix: `head ${h + 1}` };
    const weights = trace.dropout_mask ? [weightsPanel(w), droppedPanel(w)] : [weightsPanel(w)];
    return { title: `Head ${h + 1}`, panels: [...weights, contextPanel(w)] };
  });
}

function outputs(trace: Trace): Panel[] {
  return [0, 1].map((b) => outputPanel(trace, b, `output, batch ${b + 1}`));
}

export function panels361(_view: ViewState, [trace]: Trace[]): PanelGroup[] {
  const heads = headsOf(trace);
  return [
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
      panels: heads.flatMap((h) =>
        QKV.map((name) => paramPanel(trace, `heads.${h}.${name}`, `${name}, head ${h + 1}`)),
      ),
    },
  ];
}

/** Batch item 1's queries before the split, [T, d_out], each column headed for one head. */
function unsplitQueries(trace: Trace): Panel {
  const [, h, t, hd] = trace.queries.shape;
  const values = mergeHeads(trace.queries.data.subarray(0, h * t * hd), 1, t, h, hd);
  return {
    ...projectedPanel({ trace }, 'queries'),
    values,
    cols: dimLabels(h * hd),
    code: 'self.W_query(x)',
    formula: (i, c) => splitFormula(values[i * h * hd + c], hd, i, c),
  };
}

export function panels362(_view: ViewState, [mha, shared, wrapper]: Trace[]): PanelGroup[] {
  const heads = headsOf(mha);
  const width = mha.output.shape[2];
  const concat: Panel = {
    ...outputPanel(mha, 0, 'context vectors (heads concatenated)'),
    code: 'context_vec.view(b, T, d_out)',
    values: item(mha.context_concat ?? mha.output, 0),
    formula: (i, d) =>
      outputFormula(
        { ...mha, context_concat: undefined, output: mha.context_concat ?? mha.output },
        0,
        i,
        d,
      ),
  };
  const sharedOut = outputPanel(shared, 0, 'output with the wrapper’s weights');
  const wrapperOut = outputPanel(wrapper, 0, 'output of the wrapper');
  return [
    {
      title: 'One projection, split into heads',
      note: `queries.view(b, T, ${heads.length}, ${width / heads.length}).transpose(1, 2): column c goes to head ⌊c / head_dim⌋.`,
      panels: [
        paramPanel(mha, 'W_query', 'W_query'),
        unsplitQueries(mha),
        ...heads.map((h) => projectedPanel({ trace: mha, h, suffix: `head ${h + 1}` }, 'queries')),
      ],
    },
    ...headGroups(mha),
    {
      title: 'Concatenate the heads, then out_proj',
      panels: [concat, paramPanel(mha, 'out_proj', 'out_proj'), ...outputs(mha)],
    },
    {
      title: 'The same numbers as the wrapper, when the weights are shared',
      note: 'W_query, W_key, W_value: the wrapper’s heads stacked; out_proj: the identity. Compared in eval mode.',
      panels: [sharedOut, wrapperOut],
      checks: [
        sameCheck(sharedOut.values, wrapperOut.values, 'MultiHeadAttention and the wrapper'),
      ],
    },
  ];
}
