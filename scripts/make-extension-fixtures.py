#!/usr/bin/env python3
"""PyTorch reference traces for the engine beyond chapter 3's forward pass.

    python3 scripts/make-extension-fixtures.py [--oracle PATH] [--python PY]

Writes two compact JSON arrays, one oracle trace per config, unchanged:
- test/fixtures/training-traces.json: `target` (MSE loss and the gradient of every parameter and
  of the embeddings) and `train` (SGD and AdamW, 1-20 steps) on every variant, with and without
  bias, causal or not, dropout in training, batch 2;
- test/fixtures/extension-traces.json: grouped-query attention (`gqa`, num_kv_groups 1 .. heads),
  padding masks (`attention_mask`, fill "-inf" and "min") on every variant, 3-D embeddings and
  the KV cache.
Deterministic (random.Random(20261201)); the oracle (`torch_oracle.py`) needs Debian's
python3-torch. Standard library only here.
"""
import argparse
import json
import os
import random
import subprocess

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_ORACLE = os.path.join("..", "shared", "oracle", "torch_oracle.py")
VARIANTS = ("simple", "v1", "v2", "causal", "mha_wrapper", "mha", "gqa")
FUSED = ("mha", "gqa")


def resolve(path):
    return path if os.path.isabs(path) else os.path.normpath(os.path.join(REPO_ROOT, path))


def grid(rng, rows, cols, lim=1.0):
    return [[round(rng.uniform(-lim, lim), 4) for _ in range(cols)] for _ in range(rows)]


def shape(rng, variant):
    """(num_heads, d_out, num_kv_groups, output width) for a small random module."""
    heads = rng.randint(1, 4) if variant in ("mha_wrapper",) + FUSED else 1
    hd = rng.randint(1, 3)
    groups = rng.choice([g for g in range(1, heads + 1) if heads % g == 0])
    if variant in FUSED:
        return heads, heads * hd, groups, heads * hd
    if variant == "simple":
        return 1, 2, None, None  # width = d_in
    return heads, hd, None, heads * hd


def base_cfg(rng, variant, T, d_in, batch=1, **kw):
    heads, d_out, groups, width = shape(rng, variant)
    cfg = {"variant": variant, "tokens": [f"t{i}" for i in range(T)],
           "embeddings": grid(rng, T, d_in), "seed": rng.randint(0, 2**32 - 1),
           "d_out": d_out, "num_heads": heads, "batch": batch}
    if groups is not None and variant == "gqa":
        cfg["num_kv_groups"] = groups
    cfg.update(kw)
    return cfg, (width if width is not None else d_in)


def training_configs(rng):
    cfgs = []
    for i, variant in enumerate(VARIANTS * 3):
        T, d_in = rng.randint(1, 6), rng.randint(1, 4)
        batch = 2 if i % 3 == 1 else 1
        extra = {}
        if variant != "v1" and variant != "simple":
            extra["qkv_bias"] = i % 2 == 0
        if variant not in ("simple", "v1", "v2"):
            extra["causal"] = i % 4 != 3
        if i % 5 == 2 and variant != "simple":
            extra.update(dropout=rng.choice([0.1, 0.3, 0.5]), training=True)
        cfg, width = base_cfg(rng, variant, T, d_in, batch=batch, **extra)
        cfg["target"] = [grid(rng, T, width) for _ in range(batch)]
        if variant != "simple":  # torch.optim refuses an empty parameter list
            optimizer = "sgd" if i % 2 == 0 else "adamw"
            train = {"steps": rng.randint(1, 20), "lr": rng.choice([0.01, 0.05, 0.1]),
                     "optimizer": optimizer}
            if optimizer == "adamw" and i % 3 == 0:
                train["weight_decay"] = 0.1
            # AdamW divides by the gradient's own size, so a gradient that is zero in exact
            # arithmetic (the key bias: softmax ignores a shift shared by a row) turns float32
            # noise into full-size steps that no other implementation can reproduce.
            if optimizer == "adamw":
                cfg["qkv_bias"] = False
            cfg["train"] = train
        cfgs.append(cfg)
    return cfgs


def extension_configs(rng):
    cfgs = []
    for heads, groups in ((4, 1), (4, 2), (4, 4), (2, 1), (3, 3), (6, 2)):
        cfg, _ = base_cfg(rng, "gqa", rng.randint(1, 6), rng.randint(1, 4),
                          qkv_bias=groups == 2, batch=2 if heads == 6 else 1)
        cfg.update(num_heads=heads, num_kv_groups=groups, d_out=heads * rng.randint(1, 3))
        cfgs.append(cfg)
    cfg, _ = base_cfg(rng, "gqa", 5, 3, dropout=0.5, training=True)
    cfg.update(num_heads=4, num_kv_groups=2, d_out=8)
    cfgs.append(cfg)
    for i, variant in enumerate(VARIANTS):
        T, batch = rng.randint(2, 6), 2
        cfg, _ = base_cfg(rng, variant, T, rng.randint(1, 4), batch=batch)
        pads = [rng.randint(0, T - 1), 0]
        if i % 3 == 0:
            pads[1] = T  # a sequence of padding only: every row hidden
        cfg["attention_mask"] = [[0] * p + [1] * (T - p) for p in pads]
        cfg["mask_fill"] = "min" if i % 2 else "-inf"
        if i % 2:
            cfg["embeddings"] = [grid(rng, T, len(cfg["embeddings"][0])) for _ in range(batch)]
        cfgs.append(cfg)
    cfg, _ = base_cfg(rng, "mha", 4, 3, causal=False, attention_mask=[[0, 1, 1, 1]])
    cfgs.append(cfg)
    for variant, prefill in (("mha", 1), ("mha", 3), ("gqa", 2), ("gqa", 6)):
        cfg, _ = base_cfg(rng, variant, 6, 3, batch=2 if prefill == 3 else 1, qkv_bias=True)
        cfg["kv_cache"] = {"prefill": prefill}
        cfgs.append(cfg)
    return cfgs


def run_oracle(python, oracle, cfg):
    out = subprocess.run([python, oracle], input=json.dumps(cfg), capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"oracle failed on {json.dumps(cfg)}: {out.stderr}")
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oracle", default=DEFAULT_ORACLE)
    ap.add_argument("--python", default="/usr/bin/python3")
    args = ap.parse_args()
    rng = random.Random(20261201)
    for name, cfgs in (("training-traces.json", training_configs(rng)),
                       ("extension-traces.json", extension_configs(rng))):
        traces = [run_oracle(args.python, resolve(args.oracle), c) for c in cfgs]
        path = os.path.join(REPO_ROOT, "test", "fixtures", name)
        with open(path, "w") as f:
            json.dump(traces, f, separators=(",", ":"))
            f.write("\n")
        print(f"{path}: {len(traces)} traces")


if __name__ == "__main__":
    main()
