/** §3.6.2: one projection split into heads, then out_proj; equal to the wrapper when shared. */
import type { Trace } from '../../engine/trace.ts';
import { mergeHeads } from '../../tensor/heads.ts';
import { splitFormula } from '../formula/derived.ts';
import { outputFormula } from '../formula/projection.ts';
import { headGroups, headsOf, outputs } from '../panels/heads.ts';
import { outputPanel, paramPanel, projectedPanel } from '../panels/make.ts';
import { dimLabels, item } from '../panels/slice.ts';
import type { Panel } from '../panels/types.ts';
import { sameCheck } from '../panels/words.ts';
import { moduleConfig } from './configs.ts';
import { aligned, py, scaledSoftmax } from './python.ts';
import { toyTensorField } from './toy-tensor.ts';
import type { StepDef } from './types.ts';

/** Batch item 1's queries before the split, [T, d_out], each column headed for one head. */
function unsplitQueries(trace: Trace): Panel {
  const [, h, t, hd] = trace.queries.shape;
  const values = mergeHeads(trace.queries.data.subarray(0, h * t * hd), 1, t, h, hd);
  return {
    ...projectedPanel({ trace }, 'queries'),
    id: 'queries_unsplit',
    values,
    cols: dimLabels(h * hd),
    code: 'self.W_query(x)',
    formula: (i, c) => splitFormula(values[i * h * hd + c], hd, i, c),
  };
}

export const step362: StepDef<'3.6.2'> = {
  id: '3.6.2',
  short: 'Weight splits',
  title: 'Implementing multi-head attention with weight splits',
  defaults: { num_heads: 2, causal: true },
  local: { a: toyTensorField },
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
      `        attn_weights = ${scaledSoftmax(view, 'attn_scores')}`,
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
    const base = { ...moduleConfig(view, 'mha'), num_heads: view.num_heads, batch: 2 };
    // The equality holds in eval mode only: mha draws one dropout mask, the wrapper one per head.
    const evalMode = { ...base, training: false };
    const perHead = Math.max(1, Math.floor(view.d_out / view.num_heads));
    return [
      base,
      { ...evalMode, share_wrapper_weights: true },
      { ...evalMode, variant: 'mha_wrapper', d_out: perHead },
    ];
  },
  panels(_view, [mha, shared, wrapper]) {
    const heads = headsOf(mha);
    const width = mha.output.shape[2];
    const concat: Panel = {
      ...outputPanel(mha, 0, 'context vectors (heads concatenated)', 'context_concat.b1'),
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
    const sharedOut = outputPanel(shared, 0, 'output with the wrapper’s weights', 'output_shared');
    const wrapperOut = outputPanel(wrapper, 0, 'output of the wrapper', 'output_wrapper');
    return [
      {
        title: 'One projection, split into heads',
        note: `queries.view(b, T, ${heads.length}, ${width / heads.length}).transpose(1, 2): column c goes to head ⌊c / head_dim⌋.`,
        panels: [
          paramPanel(mha, 'W_query', 'W_query'),
          unsplitQueries(mha),
          ...heads.map((h) =>
            projectedPanel({ trace: mha, h, suffix: `head ${h + 1}` }, 'queries'),
          ),
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
  },
  featured: () => ({ panel: 'output.b1', row: 0, col: 0 }),
};
