/**
 * The step's PyTorch panel as a complete script: the learner's tokens and embeddings, seed and
 * sizes, the classes the step needs, and prints of the tensors the page shows. Run with
 * `python3 script.py`; each print is "name (shape):" followed by the tensor, 4 decimals.
 */
import {
  causalAttention,
  multiHeadAttention,
  multiHeadAttentionWrapper,
  selfAttentionV1,
  selfAttentionV2,
} from '../chapter/classes.ts';
import { py, scaledSoftmax } from '../chapter/steps/python.ts';
import type { StepId, ViewState } from '../chapter/view.ts';

/** Every row, never abridged: the script must compute what the page shows. */
function inputsLiteral(view: ViewState): string {
  const rows = view.embeddings.map(
    (row, i) =>
      `    [${row.map((x) => (Number.isInteger(x) && Math.abs(x) < 1e15 ? `${x}.0` : String(x))).join(', ')}],  # ${JSON.stringify(view.tokens[i])}`,
  );
  return ['inputs = torch.tensor([', ...rows, '])'].join('\n');
}

/** `name` or `name=expression`: prints the tensor under that name. */
function show(names: string[]): string[] {
  return names.map((n) => {
    const at = n.indexOf('=');
    const [name, expr] = at < 0 ? [n, n] : [n.slice(0, at), n.slice(at + 1)];
    return `show(${JSON.stringify(name)}, ${expr})`;
  });
}

function queryOf(view: ViewState): number {
  const row = view.locked?.row ?? 1;
  return Math.max(0, Math.min(view.tokens.length - 1, row));
}

/** The step's computation and its prints; null for a step that has no script yet. */
function body(step: StepId, view: ViewState): string[] | null {
  const T = view.tokens.length;
  const mode = view.training ? 'train()  # dropout on' : 'eval()  # dropout off';
  switch (step) {
    case '3.3.1': {
      const q = queryOf(view);
      const n = q + 1;
      return [
        `query = inputs[${q}]  # x^${n}, ${JSON.stringify(view.tokens[q])}`,
        `attn_scores_${n} = inputs @ query`,
        `attn_weights_${n} = torch.softmax(attn_scores_${n}, dim=0)`,
        `context_vec_${n} = attn_weights_${n} @ inputs`,
        ...show([`attn_scores_${n}`, `attn_weights_${n}`, `context_vec_${n}`]),
      ];
    }
    case '3.3.2':
      return [
        'attn_scores = inputs @ inputs.T',
        'attn_weights = torch.softmax(attn_scores, dim=-1)',
        'all_context_vecs = attn_weights @ inputs',
        ...show(['attn_scores', 'attn_weights', 'all_context_vecs']),
      ];
    case '3.4.1':
      return [
        `torch.manual_seed(${view.seed})`,
        `sa_v1 = SelfAttention_v1(d_in, ${view.d_out})`,
        'queries, keys = inputs @ sa_v1.W_query, inputs @ sa_v1.W_key',
        'attn_scores = queries @ keys.T',
        'context_vecs = sa_v1(inputs)',
        ...show([
          'queries',
          'keys',
          'attn_scores',
          'attn_weights=sa_v1.attn_weights',
          'context_vecs',
        ]),
      ];
    case '3.4.2':
      return [
        `torch.manual_seed(${view.seed})`,
        `sa_v2 = SelfAttention_v2(d_in, ${view.d_out}, qkv_bias=${py(view.qkv_bias)})`,
        'context_vecs = sa_v2(inputs)',
        'torch.manual_seed(123)',
        `sa_v1 = SelfAttention_v1(d_in, ${view.d_out})  # as in 3.4.1`,
        'context_vecs_v1 = sa_v1(inputs)',
        ...show(['attn_weights=sa_v2.attn_weights', 'context_vecs', 'context_vecs_v1']),
      ];
    case '3.5.1':
      return [
        `torch.manual_seed(${view.seed})`,
        `sa_v2 = SelfAttention_v2(d_in, ${view.d_out})  # reuse its weights`,
        'queries, keys = sa_v2.W_query(inputs), sa_v2.W_key(inputs)',
        'attn_scores = queries @ keys.T',
        `mask = torch.triu(torch.ones(${T}, ${T}), diagonal=1)`,
        'masked = attn_scores.masked_fill(mask.bool(), -torch.inf)',
        `attn_weights = ${scaledSoftmax(view, 'masked')}`,
        ...show(['attn_scores', 'masked', 'attn_weights']),
      ];
    case '3.5.2':
      return [
        `torch.manual_seed(${view.seed})`,
        `ca = CausalAttention(d_in, ${view.d_out}, context_length=${T}, dropout=${view.dropout}, qkv_bias=${py(view.qkv_bias)})`,
        `ca.${mode}`,
        'context_vecs = ca(inputs.unsqueeze(0))',
        ...show(['attn_weights=ca.attn_weights', 'context_vecs']),
      ];
    case '3.5.3':
      return [
        'batch = torch.stack((inputs, inputs), dim=0)',
        `torch.manual_seed(${view.seed})`,
        `ca = CausalAttention(d_in, ${view.d_out}, batch.shape[1], ${view.dropout}, qkv_bias=${py(view.qkv_bias)})`,
        `ca.${mode}`,
        'context_vecs = ca(batch)',
        ...show(['attn_weights=ca.attn_weights', 'context_vecs']),
      ];
    case '3.6.1':
      return [
        'batch = torch.stack((inputs, inputs), dim=0)',
        `torch.manual_seed(${view.seed})`,
        `mha = MultiHeadAttentionWrapper(d_in, ${view.d_out}, batch.shape[1], ${view.dropout}, num_heads=${view.num_heads}, qkv_bias=${py(view.qkv_bias)})`,
        `mha.${mode}`,
        'context_vecs = mha(batch)',
        ...show([
          'attn_weights=torch.stack([h.attn_weights for h in mha.heads], dim=1)',
          'context_vecs',
        ]),
      ];
    case '3.6.2':
      return [
        'batch = torch.stack((inputs, inputs), dim=0)',
        `torch.manual_seed(${view.seed})`,
        `mha = MultiHeadAttention(d_in, ${view.d_out}, batch.shape[1], ${view.dropout}, num_heads=${view.num_heads}, qkv_bias=${py(view.qkv_bias)})`,
        `mha.${mode}`,
        'context_vecs = mha(batch)',
        ...show(['attn_weights=mha.attn_weights', 'context_vecs']),
      ];
    default:
      // The steps beyond chapter 3 (their own pages) have no runnable script yet.
      return null;
  }
}

/** The classes each step uses (the wrapper is built of CausalAttention heads). */
function classes(step: StepId, view: ViewState): string[] {
  if (step === '3.4.1') return [selfAttentionV1(view, true)];
  if (step === '3.4.2') return [selfAttentionV1(view, true), selfAttentionV2(view, true)];
  if (step === '3.5.1') return [selfAttentionV2(view, true)];
  if (step === '3.5.2' || step === '3.5.3') return [causalAttention(view, true)];
  if (step === '3.6.1') return [causalAttention(view, true), multiHeadAttentionWrapper()];
  if (step === '3.6.2') return [multiHeadAttention(view, true)];
  return [];
}

/** The whole script for the view, or null when its step has none. */
export function runnableScript(view: ViewState): string | null {
  const lines = body(view.step, view);
  if (!lines) return null;
  const parts = [
    `# Attention Lab, section ${view.step}: your tokens, embeddings and settings.`,
    '# Run with: python3 this_file.py',
    'import torch',
    'import torch.nn as nn',
    '',
    'torch.set_grad_enabled(False)  # printing numbers, not training',
    'torch.set_printoptions(precision=4, sci_mode=False, threshold=1_000_000, linewidth=120)',
    '',
    '',
    'def show(name, t):',
    '    print(f"{name} {tuple(t.shape)}:")',
    '    print(t)',
    '',
    '',
    inputsLiteral(view),
    'd_in = inputs.shape[1]',
    '',
    ...classes(view.step, view).flatMap((c) => ['', c, '', '']),
    ...lines,
  ];
  return `${parts.join('\n')}\n`;
}
