#!/usr/bin/env python3
"""PyTorch fixtures for torch.randn and for Exercise 3.3 at GPT-2 size (test/fixtures/gpt2.json).

    /usr/bin/python3 scripts/make-gpt2-fixtures.py > test/fixtures/gpt2.json

Float tensors are stored as base64 of their little-endian float32 bytes, so tests compare bits.
"""
import base64
import json
import sys

import torch
import torch.nn as nn


def b64(t):
    return base64.b64encode(t.detach().contiguous().float().numpy().tobytes()).decode()


class MultiHeadAttention(nn.Module):
    """The chapter's class (section 3.6.2)."""

    def __init__(self, d_in, d_out, context_length, dropout, num_heads, qkv_bias=False):
        super().__init__()
        self.d_out, self.num_heads, self.head_dim = d_out, num_heads, d_out // num_heads
        self.W_query = nn.Linear(d_in, d_out, bias=qkv_bias)
        self.W_key = nn.Linear(d_in, d_out, bias=qkv_bias)
        self.W_value = nn.Linear(d_in, d_out, bias=qkv_bias)
        self.out_proj = nn.Linear(d_out, d_out)
        self.dropout = nn.Dropout(dropout)
        self.register_buffer("mask", torch.triu(torch.ones(context_length, context_length), diagonal=1))

    def forward(self, x):
        b, n, _ = x.shape
        split = lambda t: t.view(b, n, self.num_heads, self.head_dim).transpose(1, 2)
        q, k, v = split(self.W_query(x)), split(self.W_key(x)), split(self.W_value(x))
        s = q @ k.transpose(2, 3)
        s.masked_fill_(self.mask.bool()[:n, :n], -torch.inf)
        w = self.dropout(torch.softmax(s / k.shape[-1] ** 0.5, dim=-1))
        self.last_weights = w
        ctx = (w @ v).transpose(1, 2).contiguous().view(b, n, self.d_out)
        return self.out_proj(ctx)


def randn_cases():
    out = []
    for seed in (0, 1, 42, 123, 2**31 - 1):
        for n in (1, 5, 15, 16, 17, 31, 33, 768, 768 * 3, 768 * 3 + 5):
            torch.manual_seed(seed)
            out.append({"seed": seed, "n": n, "values": b64(torch.randn(n))})
        torch.manual_seed(seed)
        a, b = torch.randn(3), torch.randn(1)
        out.append({"seed": seed, "n": "3+1", "values": b64(torch.cat([a, b]))})
        torch.manual_seed(seed)
        e = nn.Embedding(7, 768).weight
        out.append({"seed": seed, "n": "embedding7x768", "values": b64(e)})
    return out


def gpt2_case(seed, ids):
    torch.manual_seed(seed)
    tok = nn.Embedding(50257, 768)
    pos = nn.Embedding(1024, 768)
    mha = MultiHeadAttention(768, 768, context_length=1024, dropout=0.0, num_heads=12)
    mha.eval()
    rows = sorted({0, 50256, 25000, *ids})
    x = tok(torch.tensor([ids])) + pos(torch.arange(len(ids)))
    with torch.no_grad():
        y = mha(x)
    return {
        "seed": seed,
        "ids": ids,
        "token_rows": {str(r): b64(tok.weight[r]) for r in rows},
        "position_rows": {str(p): b64(pos.weight[p]) for p in (0, 1, len(ids) - 1, 1023)},
        # torch's [out, in] layout, first 32 values of the flat weight
        "W_query_first": b64(mha.W_query.weight.flatten()[:32]),
        "W_value_last": b64(mha.W_value.weight.flatten()[-32:]),
        "out_proj_first": b64(mha.out_proj.weight.flatten()[:32]),
        "out_proj_bias": b64(mha.out_proj.bias),
        "output": b64(y[0]),
        "attn_weights_head0": b64(mha.last_weights[0, 0]),
        "attn_weights_head11": b64(mha.last_weights[0, 11]),
    }


def main():
    # "Your journey starts with one step" as the GPT-2 tokenizer splits it (checked in the tests)
    ids = [7120, 7002, 4940, 351, 530, 2239]
    data = {
        "meta": {"torch_version": torch.__version__, "generator": "scripts/make-gpt2-fixtures.py"},
        "randn": randn_cases(),
        "gpt2": [gpt2_case(123, ids), gpt2_case(7, [15496, 995])],
    }
    json.dump(data, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
