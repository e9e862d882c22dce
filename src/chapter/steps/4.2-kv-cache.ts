/** §4.2 (after chapter 3): generating token by token over a KV cache, rasbt's ch04/03_kv-cache. */
import type { AttentionConfigInput } from '../../engine/config.ts';
import { kvPanels } from '../beyond/kv-panels.ts';
import {
  fitKv,
  generatedField,
  type KvProgress,
  kvGroupsField,
  prefillField,
} from '../beyond/kv-state.ts';
import { fitGqa } from '../beyond/state.ts';
import { macsWithCache, macsWithoutCache, type WorkPoint, workCurve } from '../beyond/work.ts';
import type { ViewState } from '../view.ts';
import { moduleConfig } from './configs.ts';
import { readLocal } from './local.ts';
import { aligned, py, scaledSoftmax } from './python.ts';
import type { StepDef } from './types.ts';

const LOCAL = { prefill: prefillField, generated: generatedField, kv_groups: kvGroupsField };

/** The KV groups the cache keeps (a divisor of num_heads), and why they differ from the wanted. */
export function kvGroups(view: ViewState): {
  wanted: number;
  groups: number;
  problem: string | null;
} {
  const wanted = readLocal(LOCAL, view).kv_groups;
  const fit = fitGqa(wanted, view.num_heads);
  return { wanted, groups: fit.num_kv_groups, problem: fit.problem };
}

/** How far generation has got: the learner's prefill and generated, fitted to their tokens. */
export function kvProgress(view: ViewState): KvProgress {
  return fitKv(readLocal(LOCAL, view), view.tokens.length);
}

/**
 * The view with the prompt length and/or tokens generated changed (Step, Play, Reset, the
 * slider), fitted to the tokens: both fields are written, so a stale value is repaired too.
 */
export function withKv(
  view: ViewState,
  change: Partial<{ prefill: number; generated: number }>,
): ViewState {
  const now = kvProgress(view);
  const { prefill, generated } = fitKv(
    { prefill: now.prefill, generated: now.generated, ...change },
    view.tokens.length,
  );
  return { ...view, local: { ...view.local, prefill, generated } };
}

/** Multiply-adds generating up to T with and without the cache, and the totals so far. */
export function kvWork(view: ViewState): {
  curve: WorkPoint[];
  without: number;
  with: number;
  /** Numbers the cache holds now (keys and values), and what MHA's would hold. */
  cached: number;
  cachedMha: number;
} {
  const { prefill, t } = kvProgress(view);
  const shape = {
    d_in: view.embeddings[0]?.length ?? 3,
    d_out: view.d_out,
    num_heads: view.num_heads,
    num_kv_groups: kvGroups(view).groups,
  };
  const perGroup = 2 * t * (view.d_out / view.num_heads);
  return {
    curve: workCurve(shape, prefill, view.tokens.length),
    without: macsWithoutCache(shape, prefill, t),
    with: macsWithCache(shape, prefill, t),
    cached: perGroup * shape.num_kv_groups,
    cachedMha: perGroup * view.num_heads,
  };
}

function config(view: ViewState): AttentionConfigInput {
  const { prefill, t } = kvProgress(view);
  const { groups } = kvGroups(view);
  // One K/V group per head is ordinary MHA (chapter 3's class and draw order); fewer is rasbt's
  // GroupedQueryAttention, which draws W_key and W_value first and has no biases (as in §4.1).
  const sharing = groups === view.num_heads ? {} : { num_kv_groups: groups, qkv_bias: false };
  return {
    ...moduleConfig(view, groups === view.num_heads ? 'mha' : 'gqa'),
    ...sharing,
    tokens: view.tokens.slice(0, t),
    embeddings: view.embeddings.slice(0, t),
    num_heads: view.num_heads,
    causal: true,
    dropout: 0,
    training: false,
    kv_cache: { prefill },
  };
}

/** With fewer KV groups than heads, what changes in the class above (§4.1's GQA). */
function gqaLines(view: ViewState): string[] {
  const { groups } = kvGroups(view);
  if (groups === view.num_heads) return [];
  return [
    `# KV groups = ${groups}: GroupedQueryAttention (§4.1) with the same cache. W_key and W_value`,
    `# are ${groups} head${groups > 1 ? 's' : ''} wide, cache_k/cache_v hold ${groups} K/V head${groups > 1 ? 's' : ''}, and after the cache`,
    `# keys/values are repeat_interleave'd ${view.num_heads / groups}× to meet the ${view.num_heads} query heads (no biases).`,
    '',
  ];
}

export const step42: StepDef<'4.2'> = {
  id: '4.2',
  short: 'KV cache',
  title: 'Generating token by token: the KV cache',
  defaults: { num_heads: 2, d_out: 4, causal: true },
  local: LOCAL,
  body: 'beyond-kv-cache',
  prose: [
    'A language model writes one token at a time, and each new token attends to every token before it. Without a cache, every step reruns the whole causal pass: the keys and values of the old tokens are projected again, and every old row of weights is recomputed, though the mask guarantees none of it changed.',
    'A KV cache keeps each token’s keys and values (cache_k, cache_v) once computed. The prompt goes through in one call (the prefill); after that each call feeds only the newest token: its query, key and value are projected, its key and value appended to the cache, and only its row of attention weights is computed, against everything cached.',
    'Here the "generated" tokens are the next tokens of your own sentence, so both ways can be compared on the same input: the cached path’s output equals the full causal pass, while its work per token grows with T instead of T².',
  ],
  code: (view) => {
    const { prefill, t } = kvProgress(view);
    return aligned([
      'class MultiHeadAttention(nn.Module):  # ch03’s class with a KV cache',
      '    def __init__(self, d_in, d_out, context_length, dropout, num_heads, qkv_bias=False):',
      '        super().__init__()',
      '        ...  # W_query, W_key, W_value, out_proj, dropout, mask as in chapter 3',
      '        self.register_buffer("cache_k", None, persistent=False)',
      '        self.register_buffer("cache_v", None, persistent=False)',
      '        self.ptr_current_pos = 0  # how many tokens the cache holds',
      '',
      '    def forward(self, x, use_cache=False):',
      '        b, num_tokens, d_in = x.shape',
      '        split = lambda y: y.view(b, num_tokens, self.num_heads, self.head_dim)',
      '        keys_new, values_new = split(self.W_key(x)), split(self.W_value(x))',
      '        queries = split(self.W_query(x))',
      '        if use_cache and self.cache_k is not None:',
      '            self.cache_k = torch.cat([self.cache_k, keys_new], dim=1)  # append',
      '            self.cache_v = torch.cat([self.cache_v, values_new], dim=1)',
      '        elif use_cache:',
      '            self.cache_k, self.cache_v = keys_new, values_new  # the prefill',
      '        keys, values = (self.cache_k, self.cache_v) if use_cache else (keys_new, values_new)',
      '        queries, keys, values = (z.transpose(1, 2) for z in (queries, keys, values))',
      '        attn_scores = queries @ keys.transpose(2, 3)  # new rows only',
      '        start = self.ptr_current_pos if use_cache else 0',
      '        mask = self.mask.bool()[start:start + num_tokens, :keys.shape[-2]]',
      '        if use_cache:',
      '            self.ptr_current_pos += num_tokens',
      '        attn_scores.masked_fill_(mask, -torch.inf)',
      `        attn_weights = ${scaledSoftmax(view, 'attn_scores')}`,
      '        context_vec = (attn_weights @ values).transpose(1, 2).reshape(b, num_tokens, -1)',
      '        return self.out_proj(context_vec)',
      '',
      '    def reset_cache(self):',
      '        self.cache_k, self.cache_v = None, None',
      '        self.ptr_current_pos = 0',
      '',
      ...gqaLines(view),
      `torch.manual_seed(${view.seed})`,
      kvGroups(view).groups === view.num_heads
        ? `mha = MultiHeadAttention(d_in, ${view.d_out}, ${t}, 0.0, num_heads=${view.num_heads}, qkv_bias=${py(view.qkv_bias)})`
        : `mha = GroupedQueryAttention(d_in, ${view.d_out}, num_heads=${view.num_heads}, num_kv_groups=${kvGroups(view).groups})  # + the cache`,
      `x = inputs[:${t}].unsqueeze(0)`,
      'mha.reset_cache()',
      `outs = [mha(x[:, :${prefill}], use_cache=True)]  # prefill: the prompt at once`,
      `for i in range(${prefill}, ${t}):  # then one token per call`,
      '    outs.append(mha(x[:, i:i + 1], use_cache=True))',
      'cached = torch.cat(outs, dim=1)',
      'full = mha(x)  # the full causal pass, no cache',
      'print((cached - full).abs().max())  # float32 rounding at most',
    ]);
  },
  controls: ['seed', 'd_out', 'num_heads', 'qkv_bias', 'scaled'],
  hints: { d_out: 'in total: num_heads × head_dim' },
  configsFor: (view) => [config(view)],
  panels: (view, [trace]) => kvPanels(trace, kvProgress(view).newFrom),
  featured: (view) => {
    const { t } = kvProgress(view);
    return { panel: 'attn_weights.h1', row: t - 1, col: 0 };
  },
};
