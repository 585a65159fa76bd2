#!/usr/bin/env python3
"""Driver of scripts/conformance/merge.sh: m2rl merge/analyze against merge_reference.py.

    python3 scripts/conformance/merge_conformance.py M2RL_BINARY [--work DIR] [--only SUBSTR] [--keep]
    python3 scripts/conformance/merge_conformance.py --self-check [--work DIR]

Generates the checkpoints (merge_checkpoints.py), writes one YAML config per case below, runs
`M2RL_BINARY merge CONFIG -o OUT` and the reference, and compares every output tensor:

  exact      bit patterns equal (linear, task_arithmetic, ties, dare_* with rescale inverse/none,
             breadcrumbs*, ram)
  tolerance  |m2rl - ref| <= 1e-6 + 1e-5*|ref| for F32 outputs, or within one unit in the last
             place of the output dtype (BF16/F16) when a last-bit rounding differs (tsv, slerp,
             model_stock, sce, dare_* with rescale l1: LAPACK/F64 summation order)

Also: the output layout (shards <= shard_size, alignment, index total_size, order, config.json
with torch_dtype, tokenizer/generation files, m2rl-merge.yaml); DARE's kept fraction against the
density (binomial, 4 sigma) and its rescale (exact) read from m2rl's output alone; and
`m2rl analyze` against the reference report (counts exact, floats 1e-9 relative, ranks exact);
the toy experts' configs of testcases/merge/configs (when present) merged by both sides;
and configurations/checkpoints m2rl must refuse (ERROR_CASES: exit 2 naming every bad key at once,
exit 1 naming the tensor or shard for broken experts, nothing left in OUTDIR).
Prints a table per case and exits 1 on any mismatch.
"""
import argparse
import glob
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import merge_reference as ref  # noqa: E402
from safetensors_np import (DTYPE_SIZE, FLOATING, TORCH_NAMES, load_checkpoint, read_safetensors,  # noqa: E402
                            safetensors_bytes, stored_bits, to_working)

A, B, C, D = "ft-a", "ft-b", "ft-c", "ft-d"


def case(name, prec, method, models, params=None, mode="exact", **top):
    """models: list of (expert, per-model parameters or None)."""
    return dict(name=name, prec=prec, method=method, models=models, params=params or {}, mode=mode, top=top)


CASES = [
    # linear
    case("linear", "f32", "linear", [(A, {"weight": 1.0}), (B, {"weight": 2.0}), (C, {"weight": 0.5})]),
    case("linear-nonorm", "bf16", "linear", [(A, {"weight": 0.3}), (B, {"weight": 0.3}), (C, {"weight": 0.4})],
         {"normalize": False}),
    case("linear-gradient-filter", "bf16", "linear",
         [(A, {"weight": [0.2, 1.0]}), (B, {"weight": [{"filter": "mlp", "value": 2.0}, {"value": 0.5}]}),
          (C, {"weight": [{"filter": "self_attn", "value": [1.0, 3.0, 0.5, 2.0]}, {"filter": "norm", "value": 0.25},
                          {"value": [0.7, 0.1]}]})]),
    case("linear-identical", "f32", "linear", [(C, {"weight": 0.7}), (C, {"weight": 0.3})]),
    # task arithmetic
    case("task_arithmetic", "f32", "task_arithmetic", [(A, {"weight": 1.0}), (B, {"weight": 0.5}), (C, {"weight": -0.25})],
         {"lambda": 0.8}),
    case("task_arithmetic-normalize-out-f32", "bf16", "task_arithmetic", [(A, None), (B, {"weight": 3.0}), (C, None)],
         {"normalize": True}, out_dtype="float32"),
    case("task_arithmetic-f64-working", "bf16", "task_arithmetic", [(A, {"weight": 0.7}), (B, {"weight": 0.9}), (C, {"weight": 0.35})],
         {"lambda": 1.3}, dtype="float64"),
    # BF16 inputs with one, two and four models (m2rl decodes these as it computes)
    case("task_arithmetic-bf16-one", "bf16", "task_arithmetic", [(B, {"weight": 0.6})], {"lambda": 0.7}),
    case("task_arithmetic-bf16-two", "bf16", "task_arithmetic", [(A, None), (C, {"weight": -0.5})]),
    case("task_arithmetic-bf16-four", "bf16", "task_arithmetic",
         [(A, {"weight": 0.3}), (B, None), (C, {"weight": 2.0}), (A, {"weight": -0.7})], {"lambda": 1.3}),
    case("task_arithmetic-out-bf16", "f32", "task_arithmetic", [(A, None), (B, None)], {"lambda": 0.5}, out_dtype="bfloat16"),
    case("task_arithmetic-out-f16", "f32", "task_arithmetic", [(A, None), (C, None)], {"lambda": 0.5}, out_dtype="float16"),
    case("task_arithmetic-gradients", "f32", "task_arithmetic",
         [(B, {"weight": [0.1, 0.37, 0.92, 0.2]}), (C, {"weight": [{"filter": "mlp", "value": [0.3, 0.77]}, {"value": 0.41}]})],
         {"lambda": [0.9, 1.7, 1.3]}),
    # ties
    case("ties-tensor", "bf16", "ties", [(A, {"density": 0.2}), (B, {"density": 0.3}), (C, {"density": 0.5})]),
    case("ties-model", "bf16", "ties", [(A, None), (B, None), (C, None)],
         {"density": 0.2, "trim_scope": "model", "lambda": 1.2}),
    case("ties-count-count", "f32", "ties", [(A, {"density": 0.4}), (B, {"density": 0.4}), (C, {"density": 0.4})],
         {"sign": "count", "disjoint": "count"}),
    case("ties-model-weights", "f32", "ties",
         [(A, {"weight": 1.0, "density": 0.1}), (B, {"weight": 0.5, "density": 0.3}), (C, {"weight": 2.0, "density": 1.0})],
         {"trim_scope": "model", "disjoint": "weight"}),
    case("ties-density0-nonorm", "bf16", "ties", [(A, {"density": 0.0}), (B, {"density": 0.6}), (C, {"density": 0.25})],
         {"normalize": False, "lambda": 0.7}),
    case("ties-density-gradient", "bf16", "ties",
         [(A, {"density": [0.1, 0.5]}), (B, {"density": [0.9, 0.2, 0.4]}), (C, {"density": [{"filter": "self_attn", "value": 0.15}, {"value": 0.35}]})]),
    case("ties-one-model-density1", "f32", "ties", [(B, {"weight": 0.6})], {"normalize": False}),
    # BF16 TIES with one, two and four models (m2rl's fused loop finds the thresholds while it merges)
    case("ties-bf16-one", "bf16", "ties", [(B, {"weight": 0.6, "density": 0.3})], {"normalize": False, "lambda": 1.3}),
    case("ties-bf16-two-count", "bf16", "ties", [(A, {"weight": 0.8, "density": 0.25}), (C, {"weight": 1.4, "density": 0.4})],
         {"sign": "count", "disjoint": "count", "lambda": 0.9}),
    case("ties-bf16-four", "bf16", "ties",
         [(A, {"density": 0.1}), (B, {"weight": 0.5, "density": 1.0}), (C, {"density": 0.0}), (D, {"weight": 2.0, "density": 0.35})]),
    case("ties-bf16-f64-working", "bf16", "ties", [(A, {"density": 0.2}), (B, {"density": 0.3}), (D, {"density": 0.15})],
         dtype="float64"),
    # dare
    case("dare_linear-inverse", "f32", "dare_linear", [(A, {"density": 0.3}), (B, {"density": 0.5}), (C, {"density": 0.7})],
         seed=1234),
    case("dare_linear-none-normalize", "bf16", "dare_linear",
         [(A, {"density": 0.5, "weight": 1.0}), (B, {"density": 0.5, "weight": 2.0}), (C, {"density": 0.9})],
         {"rescale": "none", "normalize": True, "lambda": 0.5}),
    case("dare_linear-l1", "f32", "dare_linear", [(A, {"density": 0.4}), (C, {"density": 0.2})], {"rescale": "l1"},
         mode="tolerance", seed=9),
    case("dare_linear-single-dense", "f32", "dare_linear", [(C, {"density": 0.3})], seed=77),
    case("dare_ties-inverse", "bf16", "dare_ties", [(A, {"density": 0.6}), (B, {"density": 0.6}), (C, {"density": 0.3})],
         {"sign": "count", "disjoint": "count", "normalize": True}, seed=5),
    case("dare_ties-none", "f32", "dare_ties", [(A, {"density": [0.3, 0.9]}), (B, {"density": 0.5}), (C, {"density": 1.0})],
         {"rescale": "none"}),
    case("dare_ties-l1", "bf16", "dare_ties", [(A, {"density": 0.5}), (B, {"density": 0.5}), (C, {"density": 0.5})],
         {"rescale": "l1", "normalize": True}, mode="tolerance", seed=3),
    # breadcrumbs
    case("breadcrumbs", "f32", "breadcrumbs", [(A, {"density": 0.2, "gamma": 0.05}), (B, {"density": 0.3}), (C, {"density": 0.5, "gamma": 0.1})]),
    case("breadcrumbs-gamma0", "bf16", "breadcrumbs", [(A, None), (B, None), (C, None)], {"density": 0.3, "gamma": 0.0, "lambda": 0.9}),
    case("breadcrumbs-b-negative", "bf16", "breadcrumbs", [(A, {"density": 0.95, "gamma": 0.1}), (C, {"density": 0.98, "gamma": 0.05})],
         {"normalize": True}),
    case("breadcrumbs_ties", "bf16", "breadcrumbs_ties", [(A, None), (B, {"weight": 0.5}), (C, None)],
         {"density": 0.5, "gamma": 0.1, "normalize": True, "disjoint": "count"}),
    case("breadcrumbs_ties-count", "f32", "breadcrumbs_ties", [(A, {"density": 0.4}), (B, {"density": 0.6}), (C, {"density": 0.3, "gamma": 0.02})],
         {"sign": "count"}),
    # sce
    case("sce-topk", "f32", "sce", [(A, None), (B, None), (C, None)], {"select_topk": 0.3}, mode="tolerance"),
    case("sce-default", "bf16", "sce", [(A, None), (B, None), (C, None)], {"lambda": 0.9}, mode="tolerance"),
    # tsv
    case("tsv", "f32", "tsv", [(A, None), (B, None), (C, None)], mode="tolerance"),
    case("tsv-alpha-reduction", "bf16", "tsv", [(A, None), (B, None), (C, None)], {"alpha": 0.7, "sv_reduction": 0.5},
         mode="tolerance"),
    # slerp
    case("slerp", "f32", "slerp", [(C, None)], {"t": 0.3}, mode="tolerance"),
    case("slerp-gradient", "bf16", "slerp", [(C, None)], {"t": [0.0, 0.5, 1.0]}, mode="tolerance"),
    case("slerp-filter", "bf16", "slerp", [(A, None)], {"t": [{"filter": "mlp", "value": 0.8}, {"value": 0.25}]}, mode="tolerance"),
    # model stock
    case("model_stock", "f32", "model_stock", [(A, None), (B, None), (C, None)], mode="tolerance"),
    case("model_stock-filter_wise", "bf16", "model_stock", [(A, None), (B, None), (C, None)], {"filter_wise": True},
         mode="tolerance"),
    case("model_stock-two", "f32", "model_stock", [(B, None), (C, None)], {"filter_wise": True}, mode="tolerance"),
    # ram
    case("ram", "f32", "ram", [(A, None), (B, None), (C, None)]),
    case("ram-epsilon-out-f16", "bf16", "ram", [(A, None), (B, None), (C, None)], {"epsilon": 1e-3, "lambda": 0.9},
         out_dtype="float16"),
    case("ram-epsilon0", "f32", "ram", [(A, None), (B, None), (C, None)], {"epsilon": 0.0}),
    # edges: no base model, weights summing to 0, F64 working dtype, rounding of scalars
    case("linear-no-base", "f32", "linear", [(B, {"weight": 0.25}), (C, {"weight": 0.75})], no_base=True),
    case("linear-zero-weight-sum", "bf16", "linear", [(B, {"weight": 1.0}), (C, {"weight": -1.0})]),
    case("task_arithmetic-out-f64", "f32", "task_arithmetic", [(A, None), (B, None)], {"lambda": 0.3}, out_dtype="float64"),
    case("ties-model-f64", "bf16", "ties", [(A, {"density": 0.3}), (B, {"density": 0.2}), (D, {"density": 0.6})],
         {"trim_scope": "model"}, dtype="float64"),
    case("dare_ties-f64-big-seed", "f32", "dare_ties", [(A, {"density": 0.0}), (B, {"density": 0.45}), (C, {"density": 0.8})],
         {"normalize": True}, dtype="float64", seed=4611686018427387909),
    case("breadcrumbs-f64", "bf16", "breadcrumbs", [(A, None), (B, None), (C, None)], {"density": 0.25, "gamma": 0.02},
         dtype="float64"),
    case("ram-epsilon-rounds-up", "bf16", "ram", [(A, None), (B, None), (D, None)], {"epsilon": 0.015624999999}),
    case("model_stock-f64", "bf16", "model_stock", [(A, None), (B, None), (C, None)], mode="tolerance", dtype="float64"),
    case("sce-topk-f64", "bf16", "sce", [(A, None), (B, None), (C, None)], {"select_topk": 0.5}, mode="tolerance",
         dtype="float64"),
    case("ties-negative-weight", "f32", "ties", [(A, {"weight": 1.0, "density": 0.5}), (B, {"weight": -1.0, "density": 0.5}),
                                                 (D, {"weight": 0.5})], {"disjoint": "weight"}),
    case("breadcrumbs-density0", "f32", "breadcrumbs", [(A, {"density": 0.0, "gamma": 0.0}), (B, {"density": 0.0}),
                                                        (C, {"density": 0.1, "gamma": 0.0})]),
    case("sharded-tiny-shards", "bf16", "ram", [(A, None), (B, None)], shard_size="2KB"),
    # an unaligned input (ft-d)
    case("ties-unaligned-input", "bf16", "ties", [(B, {"density": 0.5}), (D, {"density": 0.5})]),
    case("ram-unaligned-input", "f32", "ram", [(A, None), (B, None), (D, None)]),
    # sharded output
    case("sharded-ties-bf16", "bf16", "ties", [(A, {"density": 0.3}), (B, {"density": 0.3})], shard_size="20KB"),
    case("sharded-ta-f32-out-bf16", "f32", "task_arithmetic", [(A, None), (B, None), (C, None)],
         {"lambda": 0.6}, shard_size="10KiB", out_dtype="bfloat16"),
]

# Opt-in (--large): a tensor of 4097 x 4096 entries, spanning many of m2rl's 2^14-entry chunks
# and one row (4,096 entries) over 2^24, so the statistics passes and the DARE entry index cross chunk
# boundaries at scale. Slow in a debug build.
LARGE_CASES = [
    case("large-ties-model", "large", "ties", [(A, {"density": 0.3}), (B, {"density": 0.5})], {"trim_scope": "model"}),
    case("large-ties-tensor", "large", "ties", [(A, {"density": 0.1}), (B, {"density": 0.25})]),
    case("large-dare_linear", "large", "dare_linear", [(A, {"density": 0.3}), (B, {"density": 0.6})], seed=4),
    case("large-breadcrumbs", "large", "breadcrumbs", [(A, None), (B, None)], {"density": 0.2, "gamma": 0.05}),
    case("large-sce-topk", "large", "sce", [(A, None), (B, None)], {"select_topk": 0.4}, mode="tolerance"),
]

# Configurations and checkpoints m2rl must refuse: (name, exit status, texts stderr must contain,
# YAML (with {root} for the F32 checkpoints, {broken} for the broken expert), breakage of ft-b).
BAD_CONFIG = "merge_method: {method}\nbase_model: {root}/base\nmodels:\n{models}{rest}"


def bad(name, status, texts, models, method="ties", rest="", breakage=None):
    lines = "".join(f"  - model: {m}\n" + (f"    parameters: {json.dumps(p)}\n" if p else "") for m, p in models)
    return dict(name=name, status=status, texts=texts, yaml=BAD_CONFIG.format(method=method, root="{root}", models=lines, rest=rest),
                breakage=breakage)


ERROR_CASES = [
    bad("density-out-of-range", 2, ["models[1].parameters.density", "1.5", "out of range"],
        [("{root}/ft-a", None), ("{root}/ft-b", {"density": 1.5})]),
    bad("all-errors-at-once", 2, ["models[0].parameters.lambda", "parameters.gamma", "frobnicate", "models[1].parameters.density"],
        [("{root}/ft-a", {"lambda": 2}), ("{root}/ft-b", {"density": -0.1})], rest="parameters: {gamma: 0.1}\nfrobnicate: 1\n"),
    bad("unknown-method", 2, ["merge_method"], [("{root}/ft-a", None)], method="average_of_vibes"),
    bad("slerp-two-models", 2, ["models"], [("{root}/ft-a", None), ("{root}/ft-b", None)], method="slerp", rest="parameters: {t: 0.5}\n"),
    bad("slerp-without-t", 2, ["t"], [("{root}/ft-a", None)], method="slerp"),
    bad("model_stock-one-model", 2, ["models"], [("{root}/ft-a", None)], method="model_stock"),
    bad("bad-trim-scope", 2, ["trim_scope"], [("{root}/ft-a", None)], rest="parameters: {trim_scope: layer}\n"),
    bad("bad-dtype", 2, ["dtype"], [("{root}/ft-a", None)], rest="dtype: float16\n"),
    bad("missing-tensor", 1, ["lm_head.weight"], [("{root}/ft-a", None), ("{broken}", None)], breakage="drop lm_head.weight"),
    bad("extra-tensor", 1, ["model.layers.0.extra.bias"], [("{broken}", None)], breakage="add model.layers.0.extra.bias"),
    bad("shape-mismatch", 1, ["model.layers.1.self_attn.k_proj.weight"], [("{broken}", None)],
        breakage="reshape model.layers.1.self_attn.k_proj.weight"),
    bad("index-wrong-shard", 1, ["model.layers.0.mlp.up_proj.weight"], [("{broken}", None)],
        breakage="index moves model.layers.0.mlp.up_proj.weight"),
    bad("tensor-in-two-shards", 1, ["model.embed_tokens.weight"], [("{broken}", None)],
        breakage="duplicate model.embed_tokens.weight"),
    bad("shard-unlisted-tensor", 1, ["stowaway.weight"], [("{broken}", None)], breakage="stowaway"),
    bad("index-missing-shard-file", 1, ["model-00004-of-00003.safetensors"], [("{broken}", None)],
        breakage="index names a missing file"),
    bad("truncated-shard", 1, ["model-00002-of-00003.safetensors"], [("{broken}", None)], breakage="truncate shard 2"),
]


def make_broken(src, dst, breakage):
    """A copy of the sharded ft-b with one defect."""
    shutil.copytree(src, dst)
    index_path = os.path.join(dst, "model.safetensors.index.json")
    with open(index_path) as fh:
        index = json.load(fh)
    wm = index["weight_map"]
    shards = {}
    for f in dict.fromkeys(wm.values()):
        tensors, meta, _ = read_safetensors(os.path.join(dst, f))
        shards[f] = [(t.name, t.dtype, t.array) for t in tensors]
    files = list(shards)
    verb, _, name = breakage.partition(" ")
    if breakage.startswith("drop"):
        f = wm.pop(name)
        shards[f] = [t for t in shards[f] if t[0] != name]
    elif breakage.startswith("add"):
        shards[files[0]].append((name, "F32", np.zeros(3, np.float32)))
        wm[name] = files[0]
    elif breakage.startswith("reshape"):
        f = wm[name]
        shards[f] = [(n, d, a[:-1] if n == name else a) for n, d, a in shards[f]]
    elif breakage.startswith("index moves"):
        name = breakage.split()[-1]
        wm[name] = next(f for f in files if f != wm[name])
    elif breakage.startswith("duplicate"):
        name = breakage.split()[-1]
        other = next(f for f in files if f != wm[name])
        shards[other].append(next(t for t in shards[wm[name]] if t[0] == name))
    elif breakage == "stowaway":
        shards[files[1]].append(("stowaway.weight", "F32", np.ones(2, np.float32)))
    elif breakage == "index names a missing file":
        first = next(iter(wm))
        wm[first] = "model-00004-of-00003.safetensors"
    if breakage == "truncate shard 2":
        path = os.path.join(dst, files[1])
        size = os.path.getsize(path)
        with open(path, "r+b") as fh:
            fh.truncate(size - 100)
        return
    for f, tensors in shards.items():
        with open(os.path.join(dst, f), "wb") as fh:
            fh.write(safetensors_bytes(tensors, {"format": "pt"}))
    with open(index_path, "w") as fh:
        json.dump(index, fh)


def run_errors(binary, work, ckpt):
    rows, details, all_ok = [], [], True
    root = os.path.join(ckpt, "f32")
    for e in ERROR_CASES:
        d = os.path.join(work, "errors", e["name"])
        os.makedirs(d, exist_ok=True)
        broken = os.path.join(d, "broken")
        if e["breakage"]:
            make_broken(os.path.join(root, "ft-b"), broken, e["breakage"])
        cfg = os.path.join(d, "config.yaml")
        with open(cfg, "w") as fh:
            fh.write(e["yaml"].replace("{root}", root).replace("{broken}", broken))
        out = os.path.join(d, "out")
        proc = subprocess.run([binary, "merge", cfg, "-o", out], capture_output=True, text=True)
        problems = []
        if proc.returncode != e["status"]:
            problems.append(f"exit status {proc.returncode}, expected {e['status']}")
        for t in e["texts"]:
            if t not in proc.stderr:
                problems.append(f"stderr does not name {t!r}")
        if os.path.exists(out) and os.listdir(out):
            problems.append(f"left files behind in OUTDIR: {sorted(os.listdir(out))[:4]}")
        all_ok &= not problems
        rows.append((f"error:{e['name']}", "(refused)", "f32", f"exit {e['status']}", 0, float("nan"),
                     "ok" if not problems else "MISMATCH", 0.0))
        for p in problems:
            details.append(f"error:{e['name']}: {p} — stderr: {proc.stderr.strip()[:300]}")
    return rows, details, all_ok


# --------------------------------------------------------------------------- config writing


def yaml_value(v):
    return json.dumps(v)  # JSON is YAML


def write_config(c, ckpt, folder):
    root = os.path.join(ckpt, c["prec"])
    relative = c["name"].startswith("linear-gradient")  # one config with paths relative to it
    path = os.path.join(root if relative else folder, c["name"] + ".yaml")
    loc = (lambda m: "./" + m) if relative else (lambda m: os.path.join(root, m))
    lines = [f"merge_method: {c['method']}"]
    if not c["top"].get("no_base"):
        lines.append(f"base_model: {loc('base')}")
    lines.append("models:")
    for m, p in c["models"]:
        lines.append(f"  - model: {loc(m)}")
        if p:
            lines.append(f"    parameters: {yaml_value(p)}")
    if c["params"]:
        lines.append(f"parameters: {yaml_value(c['params'])}")
    for k, v in c["top"].items():
        if k != "no_base":
            lines.append(f"{k}: {v}")
    with open(path, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    return path


# --------------------------------------------------------------------------- comparison

def ulp_diff(dtype, a, b):
    """Units in the last place between stored values of a 2- or 4-byte floating dtype, as int64
    (compare_tensors uses it for BF16 and F16 outputs only)."""
    bits = lambda x: stored_bits(dtype, x).astype(np.int64)
    width = DTYPE_SIZE[dtype] * 8
    assert width < 64, dtype  # the bits must fit in an int64 with room for the sign
    sign = 1 << (width - 1)
    ia, ib = bits(a), bits(b)
    # map sign-magnitude to a monotonic integer line
    ia = np.where(ia & sign, sign - ia, ia)
    ib = np.where(ib & sign, sign - ib, ib)
    return np.abs(ia - ib)


def as_f64(dtype, arr):
    return to_working(dtype, arr, np.float64) if dtype in FLOATING else arr.astype(np.float64)


def compare_tensors(got, want, mode):
    """Returns (tensors compared, max abs diff, list of problems)."""
    problems = []
    maxdiff = 0.0
    if set(got) != set(want):
        problems.append(f"tensor names differ: missing {sorted(set(want) - set(got))[:5]}, extra {sorted(set(got) - set(want))[:5]}")
    for name, (wdtype, warr) in want.items():
        if name not in got:
            continue
        g = got[name]
        if g.dtype != wdtype or tuple(g.shape) != tuple(warr.shape):
            problems.append(f"{name}: dtype/shape {g.dtype}{g.shape} vs reference {wdtype}{list(warr.shape)}")
            continue
        a, b = as_f64(g.dtype, g.array), as_f64(wdtype, warr)
        diff = np.abs(a - b)
        if diff.size:
            maxdiff = max(maxdiff, float(np.nanmax(diff)))
        if mode == "exact" or wdtype not in FLOATING:
            bad = stored_bits(wdtype, g.array) != stored_bits(wdtype, warr)
        else:
            if wdtype in ("F32", "F64"):
                bad = diff > 1e-6 + 1e-5 * np.abs(b)
            else:
                bad = (diff > 1e-6 + 1e-5 * np.abs(b)) & (ulp_diff(wdtype, g.array, warr) > 1)
            bad |= np.isnan(a) != np.isnan(b)
        if bad.any():
            idx = np.argwhere(bad)
            first = tuple(int(i) for i in idx[0])
            problems.append(f"{name}: {int(bad.sum())}/{bad.size} differ; first at {list(first)}: "
                            f"m2rl {a[first]!r} (bits {hex(int(stored_bits(wdtype, g.array)[first]))}) vs "
                            f"reference {b[first]!r} (bits {hex(int(stored_bits(wdtype, warr)[first]))})")
    return len(want), maxdiff, problems


def check_layout(c, out, inp, want):
    """The written folder: shards, alignment, order, index, copied files (inp: the reference's
    ref.Inputs of the case, for the base folder and its tensor order)."""
    problems = []
    base_dir, order = inp.base_dir, inp.names
    index = os.path.join(out, "model.safetensors.index.json")
    shard_size = None
    if "shard_size" in c["top"]:
        m = re.fullmatch(r"(\d+)(KB|KiB|MB|MiB|GB|GiB)?", str(c["top"]["shard_size"]))
        shard_size = int(m.group(1)) * {None: 1, "KB": 1000, "KiB": 1024, "MB": 10**6, "MiB": 2**20,
                                        "GB": 10**9, "GiB": 2**30}[m.group(2)]
    if os.path.exists(index):
        with open(index) as fh:
            idx = json.load(fh)
        files = sorted(set(idx["weight_map"].values()))
        n = len(files)
        if files != [f"model-{k:05d}-of-{n:05d}.safetensors" for k in range(1, n + 1)]:
            problems.append(f"shard names {files}")
        if set(idx["weight_map"]) != set(order):
            problems.append("index weight_map does not list exactly the base tensors")
        total = sum(a.size * DTYPE_SIZE[d] for d, a in want.values())
        if int(idx.get("metadata", {}).get("total_size", -1)) != total:
            problems.append(f"index total_size {idx.get('metadata')} != {total}")
        if shard_size is None:
            problems.append("sharded output without a small shard_size")
    else:
        files = ["model.safetensors"]
        if shard_size is not None and sum(a.size * DTYPE_SIZE[d] for d, a in want.values()) > shard_size:
            problems.append("expected shards (shard_size smaller than the model)")
    seen = []
    for f in files:
        try:
            tensors, _, start = read_safetensors(os.path.join(out, f))
        except Exception as e:  # noqa: BLE001
            problems.append(f"{f}: {e}")
            continue
        if start % 8:
            problems.append(f"{f}: data starts at {start}, not a multiple of 8")
        size = 0
        for t in tensors:
            if t.begin % DTYPE_SIZE[t.dtype]:
                problems.append(f"{f}: {t.name} at offset {t.begin}, not a multiple of {DTYPE_SIZE[t.dtype]}")
            size += t.end - t.begin
        if shard_size is not None and size > shard_size and len(tensors) > 1:
            problems.append(f"{f}: {size} tensor bytes > shard_size {shard_size} with {len(tensors)} tensors")
        names = [t.name for t in tensors]
        expect = sorted(names, key=lambda n: (-DTYPE_SIZE[want[n][0]], order.index(n)))
        if names != expect:
            problems.append(f"{f}: tensor order {names[:4]}... is not base order grouped by element size")
        seen.append(sorted(names, key=order.index))
    flat = [n for s in seen for n in s]
    if flat != order:
        problems.append("shards do not follow the base order")
    with open(os.path.join(base_dir, "config.json")) as fh:
        bconf = json.load(fh)
    try:
        with open(os.path.join(out, "config.json")) as fh:
            oconf = json.load(fh)
        expect = dict(bconf)
        if "out_dtype" in c["top"]:
            expect["torch_dtype"] = TORCH_NAMES[ref.CONFIG_NAMES[c["top"]["out_dtype"]]]
        if oconf != expect:
            problems.append(f"config.json {oconf} != {expect}")
    except OSError as e:
        problems.append(f"config.json: {e}")
    for extra in ("tokenizer_config.json", "generation_config.json"):
        if not os.path.exists(os.path.join(base_dir, extra)):
            if os.path.exists(os.path.join(out, extra)):
                problems.append(f"{extra} written though the base has none")
        elif not os.path.exists(os.path.join(out, extra)):
            problems.append(f"{extra} not copied")
        elif open(os.path.join(out, extra)).read() != open(os.path.join(base_dir, extra)).read():
            problems.append(f"{extra} differs from the base's")
    if not os.path.exists(os.path.join(out, "m2rl-merge.yaml")):
        problems.append("m2rl-merge.yaml missing")
    return problems


def dare_stats_from_output(cfgobj, inp, got):
    """dare_linear, one model, lambda 1, rescale inverse: recover m2rl's mask from its output alone
    (inp: the reference's ref.Inputs of the case)."""
    problems = []
    density = float(cfgobj.per_model[0]["density"])
    kept = total = 0
    for name in inp.names:
        if inp.base[name].dtype not in FLOATING:
            continue
        theta0, thetas = inp.working(name, np.float32)
        delta = thetas[0] - theta0
        out = to_working(got[name].dtype, got[name].array, np.float32)
        changed = delta != 0
        # kept = changed and moved off the base; the dropped ones are then the base by definition,
        # so only entries with no delta are checked against it (and kept ones against the rescale)
        keep = changed & (out != theta0)
        if (out[~changed] != theta0[~changed]).any():
            problems.append(f"{name}: unchanged entries are not the base")
        expect = theta0 + delta / np.float32(density)
        if (out[keep] != expect[keep]).any():
            problems.append(f"{name}: kept entries are not base + delta / density exactly")
        kept += int(keep.sum()); total += int(changed.sum())
    frac = kept / total
    sigma = math.sqrt(density * (1 - density) / total)
    ok = abs(frac - density) <= 4 * sigma
    if not ok:
        problems.append(f"kept fraction {frac:.4f} vs density {density} (4 sigma = {4 * sigma:.4f})")
    return f"m2rl kept {kept}/{total} = {frac:.4f} (density {density}, 4σ {4 * sigma:.4f})", problems


# --------------------------------------------------------------------------- analysis

def compare_json(got, want, path="", problems=None):
    """Problems of m2rl's analysis JSON against the reference's: keys, strings, nulls and integers
    (counts, ranks) exact; fractions and other floats within 1e-9 relative."""
    if problems is None:
        problems = []
    if isinstance(want, dict):
        if not isinstance(got, dict):
            problems.append(f"{path}: {type(got).__name__} instead of an object"); return problems
        if set(got) != set(want):
            problems.append(f"{path}: keys {sorted(set(got) ^ set(want))} differ")
        for k in want:
            if k in got:
                compare_json(got[k], want[k], f"{path}.{k}", problems)
    elif isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            problems.append(f"{path}: {got!r:.80} vs {want!r:.80}"); return problems
        for i, (g, w) in enumerate(zip(got, want)):
            compare_json(g, w, f"{path}[{i}]", problems)
    elif want is None or isinstance(want, (bool, str)):
        if path.endswith(".path") or path.endswith(".base"):
            if os.path.normpath(str(got)) != os.path.normpath(str(want)):
                problems.append(f"{path}: {got!r} vs {want!r}")
        elif got != want:
            problems.append(f"{path}: {got!r} vs {want!r}")
    elif isinstance(want, int) and not path.endswith(("fraction", "l2", "linf", "jaccard", "jaccard_random", "cosine",
                                                      "cosine_projected", "rate")):
        if got != want:
            problems.append(f"{path}: m2rl {got!r} vs reference {want!r}")
    else:
        if not isinstance(got, (int, float)) or isinstance(got, bool):
            problems.append(f"{path}: {got!r} vs {want!r}")
        elif abs(got - want) > 1e-9 * abs(want) + 1e-300 and not (want == 0 and abs(got) < 1e-12):
            problems.append(f"{path}: m2rl {got!r} vs reference {want!r} (rel {abs(got - want) / max(abs(want), 1e-300):.2e})")
    return problems


# --------------------------------------------------------------------------- self check


def self_check(ckpt, work):
    """The reference against itself: properties any correct implementation has."""
    fails = []

    def run(c):
        path = write_config(c, ckpt, work)
        cfg = ref.Config(path)
        return ref.merge(cfg)

    def stored(prec, model):
        return {n: (t.dtype, t.array) for n, t in load_checkpoint(os.path.join(ckpt, prec, model)).items()}

    def same(x, y):
        return all(x[n][0] == y[n][0] and np.array_equal(as_f64(x[n][0], x[n][1]), as_f64(y[n][0], y[n][1])) for n in x if x[n][0] in FLOATING)

    for prec in ("f32", "bf16"):
        b = stored(prec, "base")
        c_ = stored(prec, C)
        out, _, _ = run(case("sc-linear-same", prec, "linear", [(C, {"weight": 2.0}), (C, {"weight": 2.0})]))
        if not same(out, c_):
            fails.append(f"{prec}: linear of identical models (2, 2) is not the model")
        out, _, _ = run(case("sc-linear-one", prec, "linear", [(C, {"weight": 4.0})]))
        if not same(out, c_):
            fails.append(f"{prec}: linear of one model is not the model")
        ta, _, _ = run(case("sc-ta", prec, "task_arithmetic", [(B, {"weight": 0.6})]))
        ti, _, _ = run(case("sc-ties1", prec, "ties", [(B, {"weight": 0.6})], {"normalize": False}))
        if not same(ta, ti):
            fails.append(f"{prec}: ties, one model, density 1, no normalize != task arithmetic")
        ti2, _, _ = run(case("sc-ties1n", prec, "ties", [(B, {"weight": 0.5})]))
        ta2, _, _ = run(case("sc-ta1", prec, "task_arithmetic", [(B, {"weight": 1.0})]))
        if not same(ti2, ta2):
            fails.append(f"{prec}: ties one model normalize (disjoint mean) != task arithmetic weight 1")
        z, _, _ = run(case("sc-ta0", prec, "task_arithmetic", [(B, None)], {"lambda": 0.0}))
        if not same(z, b):
            fails.append(f"{prec}: lambda 0 is not the base")
        d1, _, _ = run(case("sc-dare1", prec, "dare_linear", [(B, None), (C, None)]))
        t1, _, _ = run(case("sc-ta2", prec, "task_arithmetic", [(B, None), (C, None)]))
        if not same(d1, t1):
            fails.append(f"{prec}: dare_linear density 1 != task arithmetic")
        bc, _, _ = run(case("sc-bc1", prec, "breadcrumbs", [(B, None), (C, None)], {"density": 1.0, "gamma": 0.0}))
        if not same(bc, t1):
            fails.append(f"{prec}: breadcrumbs density 1 gamma 0 != task arithmetic")
        for t, want in ((0.0, b), (1.0, c_)):  # the weights are then exactly 1 and 0, either branch
            s, _, _ = run(case(f"sc-slerp{t}", prec, "slerp", [(C, None)], {"t": t}))
            if not same(s, want):
                fails.append(f"{prec}: slerp t={t} is not exactly its end")
    # RAM of one model, epsilon 0, is base + (model - base) in F32: exactly the model for the BF16
    # checkpoints (these BF16 values are close enough for their F32 difference to be exact), but not
    # for the F32 ones, where the difference rounds (hundreds of entries are an ulp off), so only BF16
    r, _, _ = run(case("sc-ram1", "bf16", "ram", [(B, None)], {"epsilon": 0.0}))
    if not same(r, stored("bf16", B)):
        fails.append("bf16: ram of one model, epsilon 0, is not the model")
    # DARE: kept fraction per model near the density
    for dens in (0.1, 0.3, 0.5, 0.9):
        _, stats, _ = run(case("sc-dare", "f32", "dare_linear", [(A, {"density": dens}), (C, {"density": dens})], seed=11))
        for i, (kept, total, expected, var) in stats.items():
            if abs(kept - expected) > 4 * math.sqrt(var):
                fails.append(f"dare model {i}: kept {kept / total:.4f} vs density {dens}")
    # DARE masks differ across models, seeds and tensors, and never depend on anything else
    m1 = ref.dare_keep(0, "x", 0, 0.5, 4096); m2 = ref.dare_keep(0, "x", 1, 0.5, 4096); m3 = ref.dare_keep(1, "x", 0, 0.5, 4096)
    if (m1 == m2).all() or (m1 == m3).all():
        fails.append("dare masks do not depend on model/seed")
    # TIES trim keeps ties at the threshold
    d = np.array([0.5, -0.5, 0.25, 0.5, 0.1], np.float32)
    if list(ref.magnitude_trim(d, 0.4) != 0) != [True, True, False, True, False]:
        fails.append("magnitude trim ties")
    # breadcrumbs cuts: n=10, density .3, gamma .2 -> sorted positions [5, 8)
    d = np.arange(1, 11, dtype=np.float32)
    if list(np.nonzero(ref.breadcrumb_mask(d, 0.3, 0.2))[0]) != [5, 6, 7]:
        fails.append("breadcrumb cuts")
    # the analysis of the base against itself is all unchanged
    rep = ref.analyze(os.path.join(ckpt, "f32", "base"), [os.path.join(ckpt, "f32", "base")])
    if rep["models"][0]["unchanged_fraction"] != 1.0:
        fails.append("analysis of the base against itself")
    for f in fails:
        print("SELF-CHECK FAIL:", f)
    print("self-check:", "ok" if not fails else f"{len(fails)} failure(s)")
    return not fails


# --------------------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary", nargs="?")
    ap.add_argument("--work")
    ap.add_argument("--only", help="run the cases whose name contains this")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--self-check", action="store_true")
    ap.add_argument("--large", action="store_true",
                    help="also merge a tensor larger than one m2rl chunk (about 100 MB, minutes in a debug build)")
    args = ap.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="m2rl-merge-conformance-")
    os.makedirs(work, exist_ok=True)
    ckpt = os.path.join(work, "ckpt")
    subprocess.run([sys.executable, os.path.join(HERE, "merge_checkpoints.py"), ckpt, *(["--large"] if args.large else [])],
                   check=True, stdout=subprocess.DEVNULL)
    configs = os.path.join(work, "configs")
    os.makedirs(configs, exist_ok=True)
    try:
        if args.self_check:
            return 0 if self_check(ckpt, configs) else 1
        if not args.binary:
            ap.error("give M2RL_BINARY (or --self-check)")
        ok = run_all(args, work, ckpt, configs)
        return 0 if ok else 1
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"(work folder kept: {work})")


def run_all(args, work, ckpt, configs):
    binary = os.path.abspath(args.binary)
    rows = []
    all_ok = True
    details = []
    for c in CASES + (LARGE_CASES if args.large else []):
        if args.only and args.only not in c["name"]:
            continue
        path = write_config(c, ckpt, configs)
        out = os.path.join(work, "out", c["name"])
        shutil.rmtree(out, ignore_errors=True)
        jobs = ["--jobs", "1"] if len(rows) % 3 == 0 else (["--jobs", "2"] if len(rows) % 3 == 1 else [])
        t0 = time.time()
        proc = subprocess.run([binary, "merge", path, "-o", out, *jobs], capture_output=True, text=True)
        seconds = time.time() - t0
        problems = []
        cfg = ref.Config(path)
        want, stats, inp = ref.merge(cfg)
        n, maxdiff = len(want), float("nan")
        if proc.returncode != 0:
            problems.append(f"m2rl merge exited {proc.returncode}: {proc.stderr.strip()[:400]}")
        else:
            try:
                got = load_checkpoint(out)
                n, maxdiff, p = compare_tensors(got, want, c["mode"])
                problems += p
                problems += check_layout(c, out, inp, want)
                report = (proc.stderr + proc.stdout).splitlines()
                for model, t in sorted(set(inp.resized)):  # tensors the shape rule resized (ft-a's larger vocabulary)
                    if not any(t in line and os.path.basename(model) in line for line in report):
                        problems.append(f"the reshaped {t} of {os.path.basename(model)} is not reported")
                if c["name"] == "dare_linear-single-dense":
                    note, p = dare_stats_from_output(cfg, inp, got)
                    details.append(f"{c['name']}: {note}")
                    problems += p
            except Exception as e:  # noqa: BLE001
                problems.append(f"reading m2rl's output: {e}")
        for i, (kept, total, expected, var) in sorted(stats.items()):
            line = (f"{c['name']}: reference mask model {i} kept {kept}/{total} = {kept / total:.4f} "
                    f"(expected {expected / total:.4f})")
            if abs(kept - expected) > 4 * math.sqrt(var):
                problems.append(line + " outside 4 sigma")
            details.append(line)
        verdict = "ok" if not problems else "MISMATCH"
        all_ok &= not problems
        rows.append((c["name"], c["method"], c["prec"], c["mode"], n, maxdiff, verdict, seconds))
        for p in problems[:6]:
            details.append(f"{c['name']}: {p}")
        if len(problems) > 6:
            details.append(f"{c['name']}: ... and {len(problems) - 6} more tensors/checks")
    # analysis
    if not args.only or "analyze" in args.only:
        for prec, seed, limit in (("f32", 0, None), ("bf16", 5, None), ("f32", 123456789, 600)):
            root = os.path.join(ckpt, prec)
            models = [os.path.join(root, m) for m in (B, C, D)]  # not ft-a: analyze has no vocabulary rule
            label = f"analyze-{prec}" + (f"-rank-limit-{limit}" if limit else "")
            report = os.path.join(work, f"{label}.json")
            svg = os.path.join(work, f"svg-{label}")
            extra = ["--rank-limit", str(limit)] if limit else []
            proc = subprocess.run([binary, "analyze", "--base", os.path.join(root, "base"), *models, "-o", report,
                                   "--seed", str(seed), "--svg", svg, *extra], capture_output=True, text=True)
            want = ref.analyze(os.path.join(root, "base"), models, seed, **({"rank_limit": limit} if limit else {}))
            problems = []
            if proc.returncode != 0:
                problems.append(f"m2rl analyze exited {proc.returncode}: {proc.stderr.strip()[:400]}")
            else:
                with open(report) as fh:
                    got = json.load(fh)
                problems = compare_json(got, json.loads(json.dumps(want)))
                svgs = [f for f in os.listdir(svg) if f.endswith(".svg")] if os.path.isdir(svg) else []
                if not svgs:
                    problems.append("--svg wrote no .svg file")
                import xml.etree.ElementTree as ET
                for f in svgs:
                    try:
                        if not ET.parse(os.path.join(svg, f)).getroot().tag.endswith("svg"):
                            problems.append(f"{f}: root element is not <svg>")
                    except ET.ParseError as e:
                        problems.append(f"{f}: not well-formed XML ({e})")
            verdict = "ok" if not problems else "MISMATCH"
            all_ok &= not problems
            n = sum(len(m["tensors"]) for m in want["models"]) + len(want["pairs"])
            rows.append((label, "analyze", prec, "1e-9 rel", n, float("nan"), verdict, 0.0))
            for p in problems[:30]:
                details.append(f"{label}: {p}")
            if len(problems) > 30:
                details.append(f"{label}: ... {len(problems) - 30} more")
    # The embedded toy experts' configs (testcases/merge/configs), merged by both sides.
    toy = sorted(glob.glob(os.path.join(HERE, "..", "..", "testcases", "merge", "configs", "*.yaml")))
    for path in toy if (not args.only or "toy" in args.only) else []:
        name = "toy:" + os.path.basename(path)[:-5]
        out = os.path.join(work, "out", name.replace(":", "-"))
        proc = subprocess.run([binary, "merge", path, "-o", out], capture_output=True, text=True)
        cfg = ref.Config(path)
        mode = "tolerance" if cfg.method in ("tsv", "slerp", "model_stock", "sce") or cfg.glob.get("rescale") == "l1" else "exact"
        want, _, _ = ref.merge(cfg)
        problems, n, maxdiff = [], len(want), float("nan")
        if proc.returncode != 0:
            problems.append(f"m2rl merge exited {proc.returncode}: {proc.stderr.strip()[:400]}")
        else:
            n, maxdiff, problems = compare_tensors(load_checkpoint(out), want, mode)
        all_ok &= not problems
        rows.append((name, cfg.method, "toy", mode, n, maxdiff, "ok" if not problems else "MISMATCH", 0.0))
        details += [f"{name}: {p}" for p in problems[:3]] + ([f"{name}: ... and {len(problems) - 3} more"] if len(problems) > 3 else [])
    if not args.only or "error" in args.only:
        r, d, ok = run_errors(binary, work, ckpt)
        rows += r; details += d; all_ok &= ok
    print(f"{'case':36} {'method':17} {'ckpt':5} {'mode':10} {'tensors':>7} {'max |diff|':>11}  verdict")
    for name, method, prec, mode, n, md, verdict, _ in rows:
        print(f"{name:36} {method:17} {prec:5} {mode:10} {n:7d} {md:11.3g}  {verdict}")
    for d in details:
        print(d)
    print("merge conformance:", "all ok" if all_ok else "MISMATCHES (see above)")
    return all_ok


if __name__ == "__main__":
    sys.exit(main())
