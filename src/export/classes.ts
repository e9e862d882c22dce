/**
 * The chapter's classes, complete and runnable, for the copied script. Each keeps its last
 * attention weights (after dropout) in `self.attn_weights`, so the script can print them; apart
 * from that line and the two toggles the page offers (causal mask, scaling) they are the book's.
 */
import type { ViewState } from '../chapter/view.ts';

type Toggles = Pick<ViewState, 'causal' | 'scaled'>;

function softmax(view: Toggles, indent: string): string {
  return view.scaled
    ? `${indent}attn_weights = torch.softmax(attn_scores / keys.shape[-1]**0.5, dim=-1)`
    : `${indent}attn_weights = torch.softmax(attn_scores, dim=-1)  # scaling off`;
}

function mask(view: Toggles, indent: string, slice: string): string {
  return view.causal
    ? `${indent}attn_scores.masked_fill_(self.mask.bool()${slice}, -torch.inf)`
    : `${indent}# causal mask switched off`;
}

export function selfAttentionV1(view: Toggles): string {
  return [
    'class SelfAttention_v1(nn.Module):',
    '    def __init__(self, d_in, d_out):',
    '        super().__init__()',
    '        self.W_query = nn.Parameter(torch.rand(d_in, d_out))',
    '        self.W_key   = nn.Parameter(torch.rand(d_in, d_out))',
    '        self.W_value = nn.Parameter(torch.rand(d_in, d_out))',
    '',
    '    def forward(self, x):',
    '        keys, queries, values = x @ self.W_key, x @ self.W_query, x @ self.W_value',
    '        attn_scores = queries @ keys.T',
    softmax(view, '        '),
    '        self.attn_weights = attn_weights',
    '        return attn_weights @ values',
  ].join('\n');
}

export function selfAttentionV2(view: Toggles): string {
  return [
    'class SelfAttention_v2(nn.Module):',
    '    def __init__(self, d_in, d_out, qkv_bias=False):',
    '        super().__init__()',
    '        self.W_query = nn.Linear(d_in, d_out, bias=qkv_bias)',
    '        self.W_key   = nn.Linear(d_in, d_out, bias=qkv_bias)',
    '        self.W_value = nn.Linear(d_in, d_out, bias=qkv_bias)',
    '',
    '    def forward(self, x):',
    '        keys, queries, values = self.W_key(x), self.W_query(x), self.W_value(x)',
    '        attn_scores = queries @ keys.T',
    softmax(view, '        '),
    '        self.attn_weights = attn_weights',
    '        return attn_weights @ values',
  ].join('\n');
}

export function causalAttention(view: Toggles): string {
  return [
    'class CausalAttention(nn.Module):',
    '    def __init__(self, d_in, d_out, context_length, dropout, qkv_bias=False):',
    '        super().__init__()',
    '        self.W_query = nn.Linear(d_in, d_out, bias=qkv_bias)',
    '        self.W_key   = nn.Linear(d_in, d_out, bias=qkv_bias)',
    '        self.W_value = nn.Linear(d_in, d_out, bias=qkv_bias)',
    '        self.dropout = nn.Dropout(dropout)',
    "        self.register_buffer('mask', torch.triu(",
    '            torch.ones(context_length, context_length), diagonal=1))',
    '',
    '    def forward(self, x):',
    '        b, T, d_in = x.shape',
    '        keys, queries, values = self.W_key(x), self.W_query(x), self.W_value(x)',
    '        attn_scores = queries @ keys.transpose(1, 2)',
    mask(view, '        ', '[:T, :T]'),
    softmax(view, '        '),
    '        attn_weights = self.dropout(attn_weights)',
    '        self.attn_weights = attn_weights',
    '        return attn_weights @ values',
  ].join('\n');
}

export function multiHeadAttentionWrapper(): string {
  return [
    'class MultiHeadAttentionWrapper(nn.Module):',
    '    def __init__(self, d_in, d_out, context_length, dropout, num_heads, qkv_bias=False):',
    '        super().__init__()',
    '        self.heads = nn.ModuleList([',
    '            CausalAttention(d_in, d_out, context_length, dropout, qkv_bias)',
    '            for _ in range(num_heads)])',
    '',
    '    def forward(self, x):',
    '        return torch.cat([head(x) for head in self.heads], dim=-1)',
  ].join('\n');
}

export function multiHeadAttention(view: Toggles): string {
  return [
    'class MultiHeadAttention(nn.Module):',
    '    def __init__(self, d_in, d_out, context_length, dropout, num_heads, qkv_bias=False):',
    '        super().__init__()',
    '        assert d_out % num_heads == 0, "d_out must be divisible by num_heads"',
    '        self.d_out = d_out',
    '        self.num_heads = num_heads',
    '        self.head_dim = d_out // num_heads',
    '        self.W_query = nn.Linear(d_in, d_out, bias=qkv_bias)',
    '        self.W_key   = nn.Linear(d_in, d_out, bias=qkv_bias)',
    '        self.W_value = nn.Linear(d_in, d_out, bias=qkv_bias)',
    '        self.out_proj = nn.Linear(d_out, d_out)',
    '        self.dropout = nn.Dropout(dropout)',
    "        self.register_buffer('mask', torch.triu(",
    '            torch.ones(context_length, context_length), diagonal=1))',
    '',
    '    def forward(self, x):',
    '        b, num_tokens, d_in = x.shape',
    '        keys, queries, values = self.W_key(x), self.W_query(x), self.W_value(x)',
    '        keys = keys.view(b, num_tokens, self.num_heads, self.head_dim).transpose(1, 2)',
    '        queries = queries.view(b, num_tokens, self.num_heads, self.head_dim).transpose(1, 2)',
    '        values = values.view(b, num_tokens, self.num_heads, self.head_dim).transpose(1, 2)',
    '        attn_scores = queries @ keys.transpose(2, 3)',
    mask(view, '        ', '[:num_tokens, :num_tokens]'),
    softmax(view, '        '),
    '        attn_weights = self.dropout(attn_weights)',
    '        self.attn_weights = attn_weights',
    '        context_vec = (attn_weights @ values).transpose(1, 2)',
    '        context_vec = context_vec.contiguous().view(b, num_tokens, self.d_out)',
    '        return self.out_proj(context_vec)',
  ].join('\n');
}
