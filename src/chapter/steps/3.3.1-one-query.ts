/** §3.3.1: one query, scored against every token without trainable weights. */
import { naiveSoftmax, rowSums, sumNormalise } from '../derive.ts';
import { naiveFormula, sumNormFormula } from '../formula/derived.ts';
import { fmt } from '../formula/tex.ts';
import { contextPanel, rowPanel, scoresPanel, weightsPanel } from '../panels/make.ts';
import type { Panel } from '../panels/types.ts';
import { sameCheck, sup, tokenName } from '../panels/words.ts';
import { inputsOf, queryIndex } from './configs.ts';
import { aligned, pythonInputs } from './python.ts';
import type { StepDef } from './types.ts';

export const step331: StepDef<'3.3.1'> = {
  id: '3.3.1',
  short: 'One query',
  title: 'A simple self-attention mechanism without trainable weights',
  defaults: { scaled: false },
  prose: [
    'Self-attention turns every token’s embedding x⁽ⁱ⁾ into a context vector z⁽ⁱ⁾ that mixes in what the other tokens carry. Start with one query: x⁽²⁾, “journey”, as the book does (pick another with the Query control).',
    'The query’s attention score with token j is a dot product, ω₂ⱼ = x⁽²⁾ · x⁽ʲ⁾: large when the two vectors point the same way.',
    'Scores become weights that sum to 1. Dividing by their sum works here, but softmax is the usual choice: every weight stays positive, even for negative scores. The naive `exp(ω) / Σ exp(ω)` overflows once a score passes about 88 (try an embedding value of 10); `torch.softmax` subtracts the row’s maximum first and never does.',
    'The context vector is the weighted sum of all the inputs: z⁽²⁾ = Σⱼ α₂ⱼ x⁽ʲ⁾.',
  ],
  code(view) {
    const q = queryIndex(view);
    const n = q + 1;
    return aligned([
      'import torch',
      '',
      pythonInputs(view),
      '',
      `query = inputs[${q}]                        # x^${n}, "${view.tokens[q]}"`,
      `attn_scores_${n} = inputs @ query          # ω_${n}j = x^j · x^${n}, all j at once`,
      '',
      `attn_weights_${n}_tmp = attn_scores_${n} / attn_scores_${n}.sum()`,
      'def softmax_naive(x):',
      '    return torch.exp(x) / torch.exp(x).sum(dim=0)',
      `attn_weights_${n}_naive = softmax_naive(attn_scores_${n})`,
      `attn_weights_${n} = torch.softmax(attn_scores_${n}, dim=0)  # stable`,
      '',
      `context_vec_${n} = attn_weights_${n} @ inputs  # Σ_j α_${n}j x^j`,
    ]);
  },
  controls: ['query'],
  configsFor: (view) => [{ variant: 'simple', ...inputsOf(view) }],
  panels(view, [trace]) {
    const tokens = trace.config.tokens;
    const q = Math.min(queryIndex(view), tokens.length - 1);
    const n = sup(q + 1);
    const scores = rowPanel(scoresPanel({ trace }), q, 'attention scores', `attn_scores_${q + 1}`);
    const derived = (
      id: string,
      label: string,
      code: string,
      values: Float32Array,
      f: typeof naiveFormula,
    ): Panel => ({
      ...scores,
      id,
      label,
      code,
      kind: 'weights',
      values,
      formula: (_r, j) => f(scores.values, q, j, values[j]),
    });
    const bySum = derived(
      'attn_weights_tmp',
      'attention weights (normalised by sum)',
      `attn_weights_${q + 1}_tmp`,
      sumNormalise(scores.values),
      sumNormFormula,
    );
    const naive = derived(
      'attn_weights_naive',
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
  },
  featured: (view) => ({ panel: 'attn_weights', row: 0, col: queryIndex(view) }),
};
