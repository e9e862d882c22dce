/** §3.4: trainable weights, one query step by step, then the two module versions. */
import type { Trace } from '../../engine/trace.ts';
import { scaleScores } from '../derive.ts';
import { scaledScoreFormula } from '../formula/derived.ts';
import { queryIndex } from '../steps/types.ts';
import type { ViewState } from '../view.ts';
import {
  contextPanel,
  paramPanel,
  projectedPanel,
  rowPanel,
  scoresPanel,
  weightsPanel,
} from './make.ts';
import type { Panel, PanelGroup } from './types.ts';
import { sup, tokenName } from './words.ts';

const QKV = ['W_query', 'W_key', 'W_value'] as const;

export function panels341(view: ViewState, [trace]: Trace[]): PanelGroup[] {
  const tokens = trace.config.tokens;
  const q = Math.min(queryIndex(view), tokens.length - 1);
  const n = sup(q + 1);
  const dk = trace.keys.shape[3];
  const scores = rowPanel(scoresPanel({ trace }), q, 'attention scores', `attn_scores_${q + 1}`);
  const scaledValues = scaleScores(scores.values, dk);
  const scaled: Panel = {
    ...scores,
    label: 'scaled attention scores',
    code: `attn_scores_${q + 1} / d_k**0.5`,
    values: scaledValues,
    formula: (_r, j) => scaledScoreFormula(scores.values[j], dk, q, j, scaledValues[j]),
  };
  const weights = rowPanel(
    weightsPanel({ trace }),
    q,
    'attention weights',
    `attn_weights_${q + 1}`,
  );
  const context = rowPanel(contextPanel({ trace }), q, 'context vector', `context_vec_${q + 1}`);
  return [
    {
      title: 'Three weight matrices, drawn by torch.rand',
      note: `Each is d_in × d_out = ${trace.params.W_query.shape.join(' × ')}.`,
      panels: QKV.map((name) => paramPanel(trace, name, name)),
    },
    {
      title: 'Queries, keys and values',
      note: `Every token projected three ways; the query of this walk-through is row ${q + 1}, q⁽${n}⁾.`,
      panels: (['queries', 'keys', 'values'] as const).map((w) => projectedPanel({ trace }, w)),
    },
    {
      title: `Scores, scaling and weights of the query ${tokenName(tokens, q)}`,
      note: trace.config.scaled
        ? `ω${n}ⱼ = q⁽${n}⁾ · k⁽ʲ⁾, divided by √d_k = √${dk} before the softmax.`
        : `ω${n}ⱼ = q⁽${n}⁾ · k⁽ʲ⁾; scaling is switched off, so the softmax sees the raw scores.`,
      panels: trace.config.scaled ? [scores, scaled, weights] : [scores, weights],
    },
    {
      title: `The context vector z⁽${n}⁾`,
      note: `The values weighted by attention: z⁽${n}⁾ = Σⱼ α${n}ⱼ v⁽ʲ⁾.`,
      panels: [context],
    },
  ];
}

export function panels342(_view: ViewState, [v2, v1]: Trace[]): PanelGroup[] {
  return [
    {
      title: 'SelfAttention_v1: torch.rand weights (seed 123)',
      note: 'The module form of the previous step: its rows are every token’s z⁽ⁱ⁾.',
      panels: [contextPanel({ trace: v1 }, 'context vectors, SelfAttention_v1')],
    },
    {
      title: `SelfAttention_v2: nn.Linear weights (seed ${v2.config.seed})`,
      note: 'Shown as weight.T so that queries = x @ W_query.',
      panels: QKV.map((name) => paramPanel(v2, name, name)),
    },
    {
      title: 'SelfAttention_v2’s weights and output',
      panels: [weightsPanel({ trace: v2 }), contextPanel({ trace: v2 })],
    },
  ];
}
