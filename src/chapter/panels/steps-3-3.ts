/** §3.3: simplified self-attention, one query then all of them. */
import type { Trace } from '../../engine/trace.ts';
import { naiveSoftmax, rowSums, sumNormalise } from '../derive.ts';
import { naiveFormula, sumNormFormula } from '../formula/derived.ts';
import { fmt } from '../formula/tex.ts';
import { queryIndex } from '../steps/types.ts';
import type { ViewState } from '../view.ts';
import { contextPanel, rowPanel, scoresPanel, weightsPanel } from './make.ts';
import type { Panel, PanelGroup } from './types.ts';
import { sameCheck, sup, tokenName } from './words.ts';

export function panels331(view: ViewState, [trace]: Trace[]): PanelGroup[] {
  const tokens = trace.config.tokens;
  const q = Math.min(queryIndex(view), tokens.length - 1);
  const n = sup(q + 1);
  const scores = rowPanel(scoresPanel({ trace }), q, 'attention scores', `attn_scores_${q + 1}`);
  const derived = (
    label: string,
    code: string,
    values: Float32Array,
    f: typeof naiveFormula,
  ): Panel => ({
    ...scores,
    label,
    code,
    kind: 'weights',
    values,
    formula: (_r, j) => f(scores.values, q, j, values[j]),
  });
  const bySum = derived(
    'attention weights (normalised by sum)',
    `attn_weights_${q + 1}_tmp`,
    sumNormalise(scores.values),
    sumNormFormula,
  );
  const naive = derived(
    'attention weights (naive softmax)',
    `attn_weights_${q + 1}_naive`,
    naiveSoftmax(scores.values),
    naiveFormula,
  );
  const weights = rowPanel(
    weightsPanel({ trace }),
    q,
    'attention weights',
    `attn_weights_${q + 1}`,
  );
  const context = rowPanel(contextPanel({ trace }), q, 'context vector', `context_vec_${q + 1}`);
  const sums = [bySum, naive, weights].map((p) => fmt(rowSums(p.values, p.values.length)[0]));
  return [
    {
      title: `Attention scores of the query ${tokenName(tokens, q)}`,
      note: `One dot product per token: ω${n}ⱼ = x⁽${n}⁾ · x⁽ʲ⁾.`,
      panels: [scores],
    },
    {
      title: 'From scores to weights, three ways',
      note: `Each row sums to 1 (here ${sums.join(', ')}).`,
      panels: [bySum, naive, weights],
      checks: [
        naive.values.some(Number.isNaN)
          ? {
              ok: false,
              text: 'The naive softmax overflowed: exp of a score past 88.7 is ∞ in float32, and ∞/∞ is NaN. torch.softmax subtracts the maximum first and still works.',
            }
          : sameCheck(naive.values, weights.values, 'Naive and stable softmax'),
      ],
    },
    {
      title: `The context vector z⁽${n}⁾`,
      note: `The inputs weighted by attention: z⁽${n}⁾ = Σⱼ α${n}ⱼ x⁽ʲ⁾.`,
      panels: [context],
    },
  ];
}

export function panels332(_view: ViewState, [trace]: Trace[]): PanelGroup[] {
  const weights = weightsPanel({ trace });
  const t = trace.config.tokens.length;
  const sums = Array.from(rowSums(weights.values, t), fmt);
  const allOne = sums.every((s) => s === '1.0000');
  return [
    {
      title: 'All scores at once: inputs @ inputs.T',
      panels: [scoresPanel({ trace })],
    },
    {
      title: 'Row-wise softmax',
      panels: [weights],
      checks: [{ ok: allOne, text: `Every row sums to 1: ${sums.join(', ')}.` }],
    },
    {
      title: 'Every context vector: attn_weights @ inputs',
      panels: [contextPanel({ trace })],
    },
  ];
}
