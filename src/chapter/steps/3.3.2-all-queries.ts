/** §3.3.2: every token is a query; two matrix products do it all. */
import { rowSums } from '../derive.ts';
import { fmt } from '../formula/tex.ts';
import { contextPanel, scoresPanel, weightsPanel } from '../panels/make.ts';
import { inputsOf } from './configs.ts';
import { aligned, pythonInputs } from './python.ts';
import type { StepDef } from './types.ts';

export const step332: StepDef<'3.3.2'> = {
  id: '3.3.2',
  short: 'All queries',
  title: 'Computing attention weights for all input tokens',
  defaults: { scaled: false },
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
  panels(_view, [trace]) {
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
  },
  featured: () => ({ panel: 'attn_weights', row: 1, col: 1 }),
};
