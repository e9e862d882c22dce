/**
 * The chapter's PyTorch classes as text: one source for the code panels (3.4.2, 3.5.3, 3.6.1)
 * and for the runnable script the PyTorch panel copies. The script passes `kept`, which adds one
 * line keeping the last attention weights (after dropout) in `self.attn_weights` so that it can
 * print them; apart from that line and the page's two toggles (causal mask, scaling) they are
 * the book's.
 */
import { scaledSoftmax } from './steps/python.ts';
import type { ViewState } from './view.ts';

type Toggles = Pick<ViewState, 'causal' | 'scaled'>;

/** The line only the script has: the weights kept for its prints. */
export const KEPT_LINE = '        self.attn_weights = attn_weights';

const softmax = (view: Toggles) => `        attn_weights = ${scaledSoftmax(view, 'attn_scores')}`;

function mask(view: Toggles, slice: string): string {
  return view.causal
    ? `        attn_scores.masked_fill_(self.mask.bool()${slice}, -torch.inf)`
    : '        # causal mask switched off';
}

/** The three projections of every class after SelfAttention_v1. */
const LINEAR_QKV = [
  '        self.W_query = nn.Linear(d_in, d_out, bias=qkv_bias)',
  '        self.W_key   = nn.Linear(d_in, d_out, bias=qkv_bias)',
  '        self.W_value = nn.Linear(d_in, d_out, bias=qkv_bias)',
];

/** The causal mask, built once for the longest context and cut to T in forward. */
const MASK_BUFFER = [
  "        self.register_buffer('mask', torch.triu(",
  '            torch.ones(context_length, context_length), diagonal=1))',
];

const keep = (kept: boolean) => (kept ? [KEPT_LINE] : []);

export function selfAttentionV1(view: Toggles, kept = false): string {
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
    softmax(view),
    ...keep(kept),
    '        return attn_weights @ values',
  ].join('\n');
}

export function selfAttentionV2(view: Toggles, kept = false): string {
  return [
    'class SelfAttention_v2(nn.Module):',
    '    def __init__(self, d_in, d_out, qkv_bias=False):',
    '        super().__init__()',
    ...LINEAR_QKV,
    '',
    '    def forward(self, x):',
    '        queries = self.W_query(x)',
    '        keys = self.W_key(x)',
    '        values = self.W_value(x)',
    '        attn_scores = queries @ keys.T',
    softmax(view),
    ...keep(kept),
    '        return attn_weights @ values',
  ].join('\n');
}

export function causalAttention(view: Toggles, kept = false): string {
  return [
    'class CausalAttention(nn.Module):',
    '    def __init__(self, d_in, d_out, context_length, dropout, qkv_bias=False):',
    '        super().__init__()',
    ...LINEAR_QKV,
    '        self.dropout = nn.Dropout(dropout)',
    ...MASK_BUFFER,
    '',
    '    def forward(self, x):',
    '        b, T, d_in = x.shape',
    '        queries, keys, values = self.W_query(x), self.W_key(x), self.W_value(x)',
    '        attn_scores = queries @ keys.transpose(1, 2)',
    mask(view, '[:T, :T]'),
    softmax(view),
    '        attn_weights = self.dropout(attn_weights)',
    ...keep(kept),
    '        return attn_weights @ values',
  ].join('\n');
}

/** Keeps nothing itself: its heads are CausalAttention modules, which do. */
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

/** The script's complete class; the 3.6.2 panel shows an abridged one (keys, values elided). */
export function multiHeadAttention(view: Toggles, kept = false): string {
  return [
    'class MultiHeadAttention(nn.Module):',
    '    def __init__(self, d_in, d_out, context_length, dropout, num_heads, qkv_bias=False):',
    '        super().__init__()',
    '        assert d_out % num_heads == 0, "d_out must be divisible by num_heads"',
    '        self.d_out = d_out',
    '        self.num_heads = num_heads',
    '        self.head_dim = d_out // num_heads',
    ...LINEAR_QKV,
    '        self.out_proj = nn.Linear(d_out, d_out)',
    '        self.dropout = nn.Dropout(dropout)',
    ...MASK_BUFFER,
    '',
    '    def forward(self, x):',
    '        b, num_tokens, d_in = x.shape',
    '        keys, queries, values = self.W_key(x), self.W_query(x), self.W_value(x)',
    '        keys = keys.view(b, num_tokens, self.num_heads, self.head_dim).transpose(1, 2)',
    '        queries = queries.view(b, num_tokens, self.num_heads, self.head_dim).transpose(1, 2)',
    '        values = values.view(b, num_tokens, self.num_heads, self.head_dim).transpose(1, 2)',
    '        attn_scores = queries @ keys.transpose(2, 3)',
    mask(view, '[:num_tokens, :num_tokens]'),
    softmax(view),
    '        attn_weights = self.dropout(attn_weights)',
    ...keep(kept),
    '        context_vec = (attn_weights @ values).transpose(1, 2)',
    '        context_vec = context_vec.contiguous().view(b, num_tokens, self.d_out)',
    '        return self.out_proj(context_vec)',
  ].join('\n');
}
