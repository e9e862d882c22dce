/** §3.4.1: W_query, W_key, W_value from torch.rand, one query at a time. */
import { scaleScores } from '../derive.ts';
import { scaledScoreFormula } from '../formula/derived.ts';
import {
  contextPanel,
  paramPanel,
  projectedPanel,
  QKV,
  rowPanel,
  scoresPanel,
  weightsPanel,
} from '../panels/make.ts';
import type { Panel } from '../panels/types.ts';
import { sup, tokenName } from '../panels/words.ts';
import { inputsOf, queryIndex } from './configs.ts';
import { aligned, pythonInputs, scaledSoftmax } from './python.ts';
import type { StepDef } from './types.ts';

export const step341: StepDef<'3.4.1'> = {
  id: '3.4.1',
  short: 'Trainable weights',
  title: 'Computing the attention weights step by step',
  defaults: {},
  prose: [
    'Now the model gets three trainable matrices. W_query, W_key and W_value project each d_in-dimensional input to d_out dimensions. Here they are untrained: `torch.rand` after `torch.manual_seed`.',
    'The query is q⁽²⁾ = x⁽²⁾ W_query; every token j gets a key k⁽ʲ⁾ = x⁽ʲ⁾ W_key and a value v⁽ʲ⁾ = x⁽ʲ⁾ W_value.',
    'Scores are now ω₂ⱼ = q⁽²⁾ · k⁽ʲ⁾. Before the softmax they are divided by √d_k, the square root of the keys’ width: large dot products would otherwise push softmax towards one-hot weights with vanishing gradients.',
    'The context vector weights the values instead of the inputs: z⁽²⁾ = Σⱼ α₂ⱼ v⁽ʲ⁾.',
  ],
  code(view) {
    const q = queryIndex(view);
    const n = q + 1;
    const rand = 'torch.nn.Parameter(torch.rand(d_in, d_out), requires_grad=False)';
    return aligned([
      pythonInputs(view),
      `torch.manual_seed(${view.seed})`,
      `d_in, d_out = inputs.shape[1], ${view.d_out}`,
      `W_query = ${rand}`,
      `W_key   = ${rand}`,
      `W_value = ${rand}`,
      '',
      `query_${n} = inputs[${q}] @ W_query   # q^${n}`,
      'keys = inputs @ W_key              # k^j, one row per token',
      'values = inputs @ W_value',
      '',
      `attn_scores_${n} = query_${n} @ keys.T  # ω_${n}j = q^${n} · k^j`,
      `attn_weights_${n} = ${scaledSoftmax(view, `attn_scores_${n}`)}`,
      `context_vec_${n} = attn_weights_${n} @ values`,
    ]);
  },
  controls: ['query', 'seed', 'd_out', 'scaled'],
  configsFor: (view) => [
    { variant: 'v1', ...inputsOf(view), seed: view.seed, d_out: view.d_out, scaled: view.scaled },
  ],
  panels(view, [trace]) {
    const tokens = trace.config.tokens;
    const q = Math.min(queryIndex(view), tokens.length - 1);
    const n = sup(q + 1);
    const dk = trace.keys.shape[3];
    const scores = rowPanel(scoresPanel({ trace }), q, 'attention scores', `attn_scores_${q + 1}`);
    const scaledValues = scaleScores(scores.values, dk);
    const scaled: Panel = {
      ...scores,
      id: 'attn_scores_scaled',
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
  },
  featured: (view) => ({ panel: 'attn_scores', row: 0, col: queryIndex(view) }),
};
