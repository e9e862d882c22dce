import type { StepDef } from './types.ts';
import { aligned, inputsOf, pythonInputs, queryIndex } from './types.ts';

/** 3.3.1: one query, scored against every token without trainable weights. */
export const step331: StepDef = {
  id: '3.3.1',
  short: 'One query',
  title: 'A simple self-attention mechanism without trainable weights',
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
  featured: (view) => ({ panel: 'attention weights', row: 0, col: queryIndex(view) }),
};

/** 3.3.2: every token is a query; two matrix products do it all. */
export const step332: StepDef = {
  id: '3.3.2',
  short: 'All queries',
  title: 'Computing attention weights for all input tokens',
  prose: [
    'Every token is a query in turn. One matrix product gives all the dot products at once: row i of `inputs @ inputs.T` holds ω_ij for every key j.',
    'Softmax along each row (`dim=-1`) turns the scores into weights that sum to 1 per row; row 2 is the query of the previous step.',
    'A second product, `attn_weights @ inputs`, gives every context vector at once: row i is z⁽ⁱ⁾.',
  ],
  code: (view) =>
    aligned([
      pythonInputs(view),
      '',
      'attn_scores = inputs @ inputs.T                    # ω_ij = x^i · x^j',
      'attn_weights = torch.softmax(attn_scores, dim=-1)  # each row sums to 1',
      'all_context_vecs = attn_weights @ inputs           # row i is z^i',
    ]),
  controls: [],
  configsFor: (view) => [{ variant: 'simple', ...inputsOf(view) }],
  featured: () => ({ panel: 'attention weights', row: 1, col: 1 }),
};
