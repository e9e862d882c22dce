/** §4.1 (after chapter 3): grouped-query and multi-query attention, rasbt's ch04/04_gqa. */
import { gqaPanels } from '../beyond/gqa-panels.ts';
import { fitGqa, numKvGroupsField } from '../beyond/state.ts';
import { moduleConfig } from './configs.ts';
import { readLocal } from './local.ts';
import { aligned, py, scaledSoftmax } from './python.ts';
import type { StepDef } from './types.ts';

const LOCAL = { num_kv_groups: numKvGroupsField };

/** The learner's K/V head count, fitted to their heads (a divisor of num_heads). */
export function gqaGroups(view: Parameters<typeof readLocal>[1]): number {
  return fitGqa(readLocal(LOCAL, view).num_kv_groups, view.num_heads).num_kv_groups;
}

export const step41: StepDef<'4.1'> = {
  id: '4.1',
  short: 'GQA / MQA',
  title: 'Grouped-query and multi-query attention',
  defaults: { num_heads: 4, d_out: 8, causal: true },
  local: LOCAL,
  body: 'beyond-gqa',
  prose: [
    'During generation a model keeps every past token’s keys and values (the KV cache, next step). With multi-head attention that is one key and one value vector per head, per layer, per token: the cache, not the weights, fills the memory of long contexts.',
    'Grouped-query attention (GQA) lets several query heads share one key/value head. W_key and W_value project to num_kv_groups heads only; `repeat_interleave` hands each of them to num_heads / num_kv_groups consecutive query heads. num_kv_groups = num_heads is ordinary multi-head attention; num_kv_groups = 1 is multi-query attention (MQA).',
    'Queries stay per head, so heads in one group still attend differently: their weights differ, their keys do not. Llama-3-8B uses 32 query heads in 8 groups: a quarter of the MHA cache.',
  ],
  code: (view) => {
    const g = gqaGroups(view);
    return aligned([
      'class GroupedQueryAttention(nn.Module):',
      '    def __init__(self, d_in, d_out, num_heads, num_kv_groups, dtype=None):',
      '        super().__init__()',
      '        assert num_heads % num_kv_groups == 0',
      '        self.num_heads, self.num_kv_groups = num_heads, num_kv_groups',
      '        self.head_dim = d_out // num_heads',
      '        self.W_key = nn.Linear(d_in, num_kv_groups * self.head_dim, bias=False)',
      '        self.W_value = nn.Linear(d_in, num_kv_groups * self.head_dim, bias=False)',
      '        self.group_size = num_heads // num_kv_groups',
      '        self.W_query = nn.Linear(d_in, d_out, bias=False)',
      '        self.out_proj = nn.Linear(d_out, d_out, bias=False)',
      '',
      '    def forward(self, x, mask):',
      '        b, T, _ = x.shape',
      '        queries = self.W_query(x).view(b, T, self.num_heads, self.head_dim).transpose(1, 2)',
      '        keys = self.W_key(x).view(b, T, self.num_kv_groups, self.head_dim).transpose(1, 2)',
      '        values = self.W_value(x).view(b, T, self.num_kv_groups, self.head_dim).transpose(1, 2)',
      '        keys = keys.repeat_interleave(self.group_size, dim=1)  # [b, heads, T, head_dim]',
      '        values = values.repeat_interleave(self.group_size, dim=1)',
      '        attn_scores = queries @ keys.transpose(2, 3)',
      view.causal
        ? '        attn_scores = attn_scores.masked_fill(mask[:T, :T], -torch.inf)'
        : '        # causal mask switched off',
      `        attn_weights = ${scaledSoftmax(view, 'attn_scores')}`,
      '        context_vec = (attn_weights @ values).transpose(1, 2).reshape(b, T, -1)',
      '        return self.out_proj(context_vec)',
      '',
      `torch.manual_seed(${view.seed})`,
      `gqa = GroupedQueryAttention(d_in, ${view.d_out}, num_heads=${view.num_heads}, num_kv_groups=${g})`,
      `mask = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)  # causal=${py(view.causal)}`,
      'context_vecs = gqa(inputs.unsqueeze(0), mask)',
    ]);
  },
  controls: ['seed', 'd_out', 'num_heads', 'causal', 'scaled'],
  hints: { d_out: 'in total: num_heads × head_dim' },
  configsFor: (view) => [
    {
      ...moduleConfig(view, 'gqa'),
      qkv_bias: false,
      dropout: 0,
      training: false,
      num_heads: view.num_heads,
      num_kv_groups: gqaGroups(view),
    },
  ],
  panels: (_view, [trace]) => gqaPanels(trace),
  featured: () => ({ panel: 'attn_weights.h2', row: 1, col: 0 }),
};
