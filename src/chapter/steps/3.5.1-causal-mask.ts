/** §3.5.1: the causal mask two ways, on SelfAttention_v2's weights (seed 789). */
import { causalMask, multiply, renormaliseRows } from '../derive.ts';
import { maskedWeightFormula, renormFormula, trilFormula } from '../formula/derived.ts';
import { maskedScoresPanel, scoresPanel, weightsPanel } from '../panels/make.ts';
import { rowOf } from '../panels/slice.ts';
import { CELL, type Panel } from '../panels/types.ts';
import { sameCheck } from '../panels/words.ts';
import { inputsOf } from './configs.ts';
import { aligned, scaledSoftmax } from './python.ts';
import type { StepDef } from './types.ts';

export const step351: StepDef<'3.5.1'> = {
  id: '3.5.1',
  short: 'Causal mask',
  title: 'Applying a causal attention mask',
  // The book masks SelfAttention_v2's weights, built after torch.manual_seed(789).
  defaults: { seed: 789, causal: true },
  prose: [
    'A language model predicts the next token, so a token may only attend to itself and to the tokens before it. The causal mask hides every key above the diagonal. The book applies it to SelfAttention_v2’s weights, seed 789.',
    'One way: compute the weights as before, multiply them by a lower-triangular matrix of ones (`torch.tril`), then divide each row by its new sum so it adds up to 1 again.',
    'The efficient way: set the scores above the diagonal to −∞ and take one softmax. exp(−∞) = 0, so those keys get no weight and the rest are normalised in the same step: the same weights as the first way.',
  ],
  code: (view) =>
    aligned([
      `torch.manual_seed(${view.seed})`,
      `sa_v2 = SelfAttention_v2(d_in, ${view.d_out})   # reuse its weights`,
      'queries, keys = sa_v2.W_query(inputs), sa_v2.W_key(inputs)',
      'attn_scores = queries @ keys.T',
      `attn_weights = ${scaledSoftmax(view, 'attn_scores')}`,
      '',
      '# way 1: zero the future, then renormalise',
      'T = attn_scores.shape[0]',
      'mask_simple = torch.tril(torch.ones(T, T))',
      'masked_simple = attn_weights * mask_simple',
      'masked_simple_norm = masked_simple / masked_simple.sum(dim=-1, keepdim=True)',
      '',
      '# way 2: −∞ above the diagonal, one softmax',
      'mask = torch.triu(torch.ones(T, T), diagonal=1)',
      'masked = attn_scores.masked_fill(mask.bool(), -torch.inf)',
      `attn_weights = ${scaledSoftmax(view, 'masked')}`,
    ]),
  controls: ['seed', 'd_out', 'scaled'],
  configsFor: (view) => {
    const shared = { ...inputsOf(view), seed: view.seed, d_out: view.d_out, scaled: view.scaled };
    return [
      { variant: 'v2', ...shared, causal: false },
      // CausalAttention at the same seed draws the same nn.Linear weights as SelfAttention_v2.
      { variant: 'causal', ...shared, causal: true },
    ];
  },
  panels(_view, [v2, causal]) {
    const t = v2.config.tokens.length;
    const before = weightsPanel(
      { trace: v2 },
      'attention weights before masking',
      'attn_weights_unmasked',
    );
    const tril = causalMask(t);
    const masked = multiply(before.values, tril);
    const renorm = renormaliseRows(masked, t);
    const status = Uint8Array.from(tril, (x) => (x === 0 ? CELL.masked : CELL.normal));
    const like = (
      id: string,
      label: string,
      code: string,
      kind: Panel['kind'],
      values: Float32Array,
    ) => ({ ...before, id, label, code, kind, values, status });
    const after = weightsPanel({ trace: causal });
    return [
      {
        title: 'Way 1: mask the weights, then renormalise',
        panels: [
          { ...before, code: 'attn_weights' },
          {
            ...like('mask_simple', 'causal mask', 'torch.tril(torch.ones(T, T))', 'mask', tril),
            formula: trilFormula,
          },
          {
            ...like(
              'masked_simple',
              'masked attention weights',
              'attn_weights * mask_simple',
              'weights',
              masked,
            ),
            formula: (i, j) => maskedWeightFormula(before.values[i * t + j], tril[i * t + j], i, j),
          },
          {
            ...like(
              'masked_simple_norm',
              'renormalised attention weights',
              'masked_simple_norm',
              'weights',
              renorm,
            ),
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
  },
  featured: () => ({ panel: 'masked_scores', row: 0, col: 1 }),
};
