#!/usr/bin/env python3
"""Generate randomized PyTorch reference traces for the attention engine's tests.

    python3 scripts/make-fixtures.py [--oracle PATH] [--python PY] [--out FILE]

Builds a deterministic list of varied chapter-3 configs (random.Random(20261123)),
runs each one through the PyTorch oracle (`torch_oracle.py`, which reads one config
JSON object on stdin and prints one trace), and writes every trace, unchanged, as
one compact JSON array to test/fixtures/random-traces.json.

Only the standard library is needed here; the oracle itself needs PyTorch
(Debian's python3-torch, run with /usr/bin/python3 by default). Paths given
relative are resolved against the repository root (the parent of scripts/).
"""
import argparse
import json
import os
import random
import subprocess
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_ORACLE = os.path.join("..", "shared", "oracle", "torch_oracle.py")
DEFAULT_OUT = os.path.join("test", "fixtures", "random-traces.json")
RNG_SEED = 20261123

VARIANTS = ("simple", "v1", "v2", "causal", "mha_wrapper", "mha")
DROPOUT_PS = (0.1, 0.25, 0.5, 0.75, 0.9)
FIXED_SEEDS = (0, 1, 42, 123, 789, 2**31 - 1, 4294967295)
# above 2**32: torch.manual_seed keeps only the low 32 bits for mt19937 (still <= 2**53,
# so the seed is exact as a JavaScript number)
BIG_SEEDS = (2**32 + 123, 2**53 - 1)


def resolve(path):
    return path if os.path.isabs(path) else os.path.normpath(os.path.join(REPO_ROOT, path))


# ---------------------------------------------------------------- embeddings
def emb_uniform(rng, T, d_in, lim=1.0):
    return [[round(rng.uniform(-lim, lim), 4) for _ in range(d_in)] for _ in range(T)]


def emb_const(T, d_in, value):
    return [[value] * d_in for _ in range(T)]


def tokens(T):
    return [f"t{i}" for i in range(T)]


# ---------------------------------------------------------------- configs
def make_cfg(rng, variant, T, d_in, *, seed=None, emb="uniform", d_out=None,
             num_heads=None, qkv_bias=None, causal=None, dropout=0.0,
             training=False, batch=1, const=0.5):
    """A config with every field set explicitly (the oracle's trace echoes it back)."""
    if seed is None:
        seed = rng.randint(0, 2**32 - 1)
    if emb == "uniform":
        x = emb_uniform(rng, T, d_in)
    elif emb == "large20":
        x = emb_uniform(rng, T, d_in, 20.0)
    elif emb == "large100":
        x = emb_uniform(rng, T, d_in, 100.0)
    elif emb == "const":
        x = emb_const(T, d_in, const)
    elif emb == "zeros":
        x = emb_const(T, d_in, 0.0)
    else:
        raise ValueError(emb)
    multi = variant in ("mha_wrapper", "mha")
    if num_heads is None:
        num_heads = rng.randint(1, 4) if multi else 1
    if not multi:
        num_heads = 1  # the oracle forces 1 for single-head variants
    if d_out is None:
        if variant == "mha":
            d_out = num_heads * rng.randint(1, 8 // num_heads)
        else:
            d_out = rng.randint(1, 8)
    if variant == "simple":
        d_out, qkv_bias = 2, False  # unused by `simple`; the oracle's defaults
    if variant == "v1":
        qkv_bias = False  # v1's torch.rand weights have no bias (the oracle ignores the flag)
    if qkv_bias is None:
        qkv_bias = rng.random() < 0.5
    if causal is None:
        causal = variant in ("causal", "mha_wrapper", "mha")
    assert 1 <= T <= 16 and 1 <= d_in <= 16 and 1 <= d_out <= 8 and 1 <= num_heads <= 4
    assert variant != "mha" or d_out % num_heads == 0
    assert 0 <= seed < 2**53
    return {
        "variant": variant,
        "tokens": tokens(T),
        "embeddings": x,
        "seed": seed,
        "d_out": d_out,
        "num_heads": num_heads,
        "qkv_bias": qkv_bias,
        "causal": causal,
        "dropout": float(dropout),
        "training": training,
        "batch": batch,
    }


def build_configs():
    rng = random.Random(RNG_SEED)
    cfgs = []

    def add(variant, T, d_in, **kw):
        cfgs.append(make_cfg(rng, variant, T, d_in, **kw))

    # --- every variant on the fixed seeds, uniform embeddings, assorted sizes
    fixed = list(FIXED_SEEDS)
    for i, variant in enumerate(VARIANTS):
        for j in range(2):
            seed = fixed[(i * 2 + j) % len(fixed)]
            T = rng.randint(2, 8)
            d_in = rng.randint(1, 8)
            add(variant, T, d_in, seed=seed)

    # --- size extremes: T = 1, 2, 16; d_in = 1, 16
    add("simple", 1, 3, seed=0)                       # single token
    add("v1", 1, 1, seed=1)                           # single token, d_in 1
    add("causal", 1, 4, seed=42, d_out=3)             # single token, causal
    add("mha", 1, 5, seed=rng.randint(0, 2**32 - 1), num_heads=2, d_out=4)
    add("v2", 2, 16, seed=123, d_out=8, qkv_bias=True)
    add("simple", 2, 1)
    add("v1", 16, 2, seed=789, d_out=1)
    add("causal", 16, 1, seed=2**31 - 1, d_out=2, qkv_bias=False)
    add("mha_wrapper", 16, 4, seed=4294967295, num_heads=1, d_out=2)
    add("mha", 16, 16, num_heads=1, d_out=2, qkv_bias=True)
    add("simple", 16, 16, causal=True)               # simple with a causal mask
    add("v2", 5, 16, d_out=5)

    # --- causal masks on v1/v2, non-causal mha / mha_wrapper / causal-class
    add("v1", 6, 3, seed=123, causal=True)
    add("v2", 6, 3, seed=789, causal=True, qkv_bias=True)
    add("v2", 7, 4, causal=True, qkv_bias=False)
    add("mha", 6, 3, seed=123, causal=False, num_heads=2, d_out=4)
    add("mha", 5, 6, causal=False, num_heads=4, d_out=8, qkv_bias=True)
    add("mha_wrapper", 5, 3, causal=False, num_heads=3)
    add("causal", 6, 5, causal=False)

    # --- dropout in training mode: every p on causal, mha_wrapper and mha
    for k, p in enumerate(DROPOUT_PS):
        add("causal", rng.randint(2, 8), rng.randint(1, 8), dropout=p, training=True,
            seed=(123 if p == 0.5 else None), batch=(2 if p == 0.75 else 1))
        add("mha_wrapper", rng.randint(2, 6), rng.randint(1, 6), dropout=p, training=True,
            num_heads=1 + k % 4, batch=(2 if k % 2 == 0 else 1))
        add("mha", rng.randint(2, 6), rng.randint(1, 6), dropout=p, training=True,
            num_heads=1 + (k + 1) % 4, batch=(2 if k % 2 == 1 else 1),
            causal=(k != 2))
    # dropout set but not training: must be a no-op
    add("causal", 6, 3, seed=123, dropout=0.5, training=False)
    add("mha_wrapper", 4, 3, dropout=0.25, training=False, num_heads=2)
    add("mha", 5, 4, dropout=0.9, training=False, num_heads=2, d_out=4)
    add("v2", 4, 3, dropout=0.5, training=False)

    # --- batch 2 without dropout
    add("causal", 4, 3, batch=2)
    add("mha_wrapper", 6, 3, seed=123, batch=2, num_heads=2, d_out=2)
    add("mha", 6, 3, seed=123, batch=2, num_heads=2, d_out=2)
    add("mha", 3, 2, batch=2, num_heads=4, d_out=8, qkv_bias=True)

    # --- large magnitudes, constant and zero embeddings
    add("simple", 4, 3, emb="large20")
    add("v2", 5, 4, emb="large20", qkv_bias=True)
    add("causal", 6, 6, emb="large20")
    add("mha", 4, 8, emb="large20", num_heads=2, d_out=4)
    add("mha_wrapper", 5, 5, emb="large100", num_heads=2)
    add("simple", 5, 4, emb="const", const=0.5)      # all equal: uniform weights
    add("v1", 4, 3, emb="const", const=0.5)
    add("causal", 5, 3, emb="const", const=-1.25, qkv_bias=True)
    add("mha", 4, 4, emb="const", const=0.5, num_heads=2, d_out=4, qkv_bias=True)
    add("mha_wrapper", 4, 3, emb="zeros", num_heads=2, qkv_bias=False)  # all zeros

    # --- seeds above 2**32 (low 32 bits only) and a few fully random configs
    add("v1", 6, 3, seed=BIG_SEEDS[0])
    add("mha", 6, 3, seed=BIG_SEEDS[1], num_heads=2, d_out=4, qkv_bias=True)
    for _ in range(6):
        variant = rng.choice(VARIANTS)
        p = rng.choice((0.0,) + DROPOUT_PS) if variant in ("causal", "mha_wrapper", "mha") else 0.0
        add(variant, rng.randint(1, 10), rng.randint(1, 10), dropout=p, training=p > 0,
            causal=rng.random() < 0.6)
    return cfgs


# ---------------------------------------------------------------- main
def summary(i, cfg):
    T, d_in = len(cfg["embeddings"]), len(cfg["embeddings"][0])
    flat = [v for row in cfg["embeddings"] for v in row]
    return (f"[{i:3d}] {cfg['variant']:<11} seed={cfg['seed']:<16} T={T:<2} d_in={d_in:<2} "
            f"d_out={cfg['d_out']} heads={cfg['num_heads']} bias={int(cfg['qkv_bias'])} "
            f"causal={int(cfg['causal'])} dropout={cfg['dropout']} train={int(cfg['training'])} "
            f"batch={cfg['batch']} |x|max={max(abs(v) for v in flat):g}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--oracle", default=DEFAULT_ORACLE,
                    help="path to torch_oracle.py (default: %(default)s, relative to the repo root)")
    ap.add_argument("--python", default="/usr/bin/python3",
                    help="interpreter with PyTorch that runs the oracle (default: %(default)s)")
    ap.add_argument("--out", default=DEFAULT_OUT,
                    help="output file (default: %(default)s, relative to the repo root)")
    args = ap.parse_args()
    oracle, out = resolve(args.oracle), resolve(args.out)
    if not os.path.isfile(oracle):
        sys.exit(f"oracle not found: {oracle}")

    cfgs = build_configs()
    traces, rejected = [], []
    for i, cfg in enumerate(cfgs):
        print(summary(i, cfg), file=sys.stderr, flush=True)
        proc = subprocess.run([args.python, oracle], input=json.dumps(cfg),
                              capture_output=True, text=True)
        if proc.returncode != 0:
            msg = (proc.stderr.strip().splitlines() or ["?"])[-1]
            print(f"      REJECTED by the oracle: {msg}", file=sys.stderr)
            rejected.append((i, msg))
            continue
        trace = json.loads(proc.stdout)
        if trace["config"] != cfg:
            sys.exit(f"config {i}: the oracle filled in a different config: {trace['config']}")
        traces.append(trace)

    os.makedirs(os.path.dirname(out), exist_ok=True)
    # allow_nan=False: a NaN or Infinity in a trace is a bug, not a fixture
    text = json.dumps(traces, separators=(",", ":"), allow_nan=False)
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
        f.write("\n")
    print(f"wrote {len(traces)} traces ({len(text) + 1} bytes) to {out}; "
          f"{len(rejected)} rejected", file=sys.stderr)
    if rejected:
        sys.exit(1)


if __name__ == "__main__":
    main()
