"""PyTorch's training runs for the training step's fixtures: the shared oracle's own `train` loop,
with some parameters left out of the optimizer (as `frozen` asks: W_value, by default).

stdin: [{"config": <oracle config with target and train>, "frozen": [names]}]
stdout: [{"loss_history": [...], "params": {name: [[...]]}}]
ORACLE_DIR points at the oracle (default ../shared/oracle).
"""
import json
import os
import sys

sys.path.insert(0, os.environ.get("ORACLE_DIR", os.path.join("..", "shared", "oracle")))
import torch  # noqa: E402
import torch_oracle as oracle  # noqa: E402

ORIGINAL = {"build": oracle.build, "SGD": torch.optim.SGD, "AdamW": torch.optim.AdamW}


def run(request):
    frozen = set()

    def build(c, d_in):
        model = ORIGINAL["build"](c, d_in)
        for name, p, _ in oracle.named_parameters(model):
            if name in request["frozen"]:
                frozen.add(id(p))
        return model

    def without_frozen(cls):
        return lambda params, **kw: cls([p for p in params if id(p) not in frozen], **kw)

    oracle.build = build
    torch.optim.SGD = without_frozen(ORIGINAL["SGD"])
    torch.optim.AdamW = without_frozen(ORIGINAL["AdamW"])
    try:
        trace = oracle.run(request["config"])
    finally:
        oracle.build = ORIGINAL["build"]
        torch.optim.SGD, torch.optim.AdamW = ORIGINAL["SGD"], ORIGINAL["AdamW"]
    return {"loss_history": trace["loss_history"], "params": trace["params"]}


if __name__ == "__main__":
    json.dump([run(r) for r in json.load(sys.stdin)], sys.stdout)
    sys.stdout.write("\n")
