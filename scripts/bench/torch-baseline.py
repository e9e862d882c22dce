#!/usr/bin/env python3
"""PyTorch CPU baseline for `npm run bench`: the chapter's MultiHeadAttention (causal, no
dropout, eval, no_grad), median milliseconds per forward pass.

    /usr/bin/python3 scripts/torch-baseline.py < cases.json > results.json

cases.json: [{"name": ..., "T": ..., "d": ..., "heads": ..., "threads": ..., "runs": ...}]
Prints [{"name", "threads", "median_ms", "runs", "torch", "blas"}] on stdout.
"""
import json
import statistics
import sys
import time

import torch
import torch.nn as nn


class MultiHeadAttention(nn.Module):
    """Chapter 3's weight-split multi-head attention, as the book writes it."""

    def __init__(self, d_in, d_out, context_length, num_heads):
        super().__init__()
        self.d_out, self.num_heads, self.head_dim = d_out, num_heads, d_out // num_heads
        self.W_query = nn.Linear(d_in, d_out, bias=False)
        self.W_key = nn.Linear(d_in, d_out, bias=False)
        self.W_value = nn.Linear(d_in, d_out, bias=False)
        self.out_proj = nn.Linear(d_out, d_out)
        self.register_buffer("mask", torch.triu(torch.ones(context_length, context_length), diagonal=1))

    def forward(self, x):
        b, t, _ = x.shape
        split = lambda m: m(x).view(b, t, self.num_heads, self.head_dim).transpose(1, 2)
        q, k, v = split(self.W_query), split(self.W_key), split(self.W_value)
        scores = q @ k.transpose(2, 3)
        scores.masked_fill_(self.mask.bool()[:t, :t], -torch.inf)
        weights = torch.softmax(scores / k.shape[-1] ** 0.5, dim=-1)
        context = (weights @ v).transpose(1, 2).contiguous().view(b, t, self.d_out)
        return self.out_proj(context)


def blas():
    """The BLAS library this process actually loaded (Debian switches it with alternatives)."""
    with open("/proc/self/maps") as maps:
        libs = {line.split()[-1] for line in maps if "blas" in line.lower()}
    for lib in sorted(libs):
        if "openblas" in lib:
            return "OpenBLAS"
        if "mkl" in lib:
            return "MKL"
    return "reference BLAS" if libs else "unknown"


def measure(case):
    torch.set_num_threads(case["threads"])
    torch.manual_seed(123)
    model = MultiHeadAttention(case["d"], case.get("d_out", case["d"]), case["T"], case["heads"]).eval()
    x = torch.rand(1, case["T"], case["d"])
    times = []
    with torch.no_grad():
        for _ in range(3):
            model(x)
        for _ in range(case["runs"]):
            start = time.perf_counter()
            model(x)
            times.append((time.perf_counter() - start) * 1000)
    return {"name": case["name"], "threads": case["threads"], "median_ms": statistics.median(times),
            "runs": len(times), "torch": torch.__version__, "blas": blas()}


if __name__ == "__main__":
    json.dump([measure(c) for c in json.load(sys.stdin)], sys.stdout)
    sys.stdout.write("\n")
