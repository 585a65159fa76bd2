#!/usr/bin/env python3
"""An independent NumPy implementation of docs/merge.md (merge methods and analysis).

    python3 scripts/conformance/merge_reference.py merge CONFIG.yaml -o OUTDIR
    python3 scripts/conformance/merge_reference.py analyze --base DIR MODEL... -o REPORT.json [--seed S]

Written from the contract alone. Elementwise arithmetic is done in the working dtype (np.float32
unless `dtype: float64`), one IEEE operation per symbol in the order the contract writes, sums
over models as explicit sequential `acc = acc + term`; reductions over whole tensors (norms,
dots, sums of squares) in F64; conversion back to BF16/F16/F32 rounds once to nearest even.
The merge output is written as one `model.safetensors` (layout checks of m2rl's output are done
by merge_conformance.py, not here).
"""
import argparse
import json
import math
import os
import re
import shutil
import sys
from collections import OrderedDict

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from safetensors_np import (CONFIG_NAMES, FLOATING, from_working, load_checkpoint,  # noqa: E402
                            safetensors_bytes, to_working)

M64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
EMBED_NAMES = ("embed_tokens", "lm_head", "wte", "word_embeddings", "embed_in", "embed_out")

METHODS = {
    # method: (per-model parameters with defaults, global parameters with defaults)
    "linear": ({"weight": 1.0}, {"normalize": True}),
    "task_arithmetic": ({"weight": 1.0}, {"lambda": 1.0, "normalize": False}),
    "ties": ({"weight": 1.0, "density": 1.0},
             {"lambda": 1.0, "normalize": True, "trim_scope": "tensor", "sign": "sum", "disjoint": "weight"}),
    "dare_linear": ({"weight": 1.0, "density": 1.0}, {"lambda": 1.0, "normalize": False, "rescale": "inverse"}),
    "dare_ties": ({"weight": 1.0, "density": 1.0},
                  {"lambda": 1.0, "normalize": False, "rescale": "inverse", "sign": "sum", "disjoint": "weight"}),
    "breadcrumbs": ({"weight": 1.0, "density": 1.0, "gamma": 0.01}, {"lambda": 1.0, "normalize": False}),
    "breadcrumbs_ties": ({"weight": 1.0, "density": 1.0, "gamma": 0.01},
                         {"lambda": 1.0, "normalize": False, "sign": "sum", "disjoint": "weight"}),
    "sce": ({}, {"select_topk": 1.0, "lambda": 1.0}),
    "tsv": ({}, {"alpha": 1.0, "sv_reduction": None}),
    "slerp": ({}, {"t": None}),
    "model_stock": ({}, {"filter_wise": False}),
    "ram": ({}, {"epsilon": 1e-5, "lambda": 1.0}),
}


# ----------------------------------------------------------------------------- hashing (DARE, sketch)

def mix(z):
    """SplitMix64's finaliser on a Python int (mod 2**64)."""
    z &= M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def mix_np(z):
    z = z.astype(np.uint64)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x100000001B3) & M64
    return h


def entry_bits(key, n):
    """bits_j = mix(key + (j+1) * GOLDEN) for j in 0..n-1, all mod 2**64."""
    j1 = np.arange(1, n + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        return mix_np(np.uint64(key) + j1 * np.uint64(GOLDEN))


def dare_keep(seed, name, model_index, density, n):
    """The DARE keep mask (flat, row-major) for entry indices 0..n-1."""
    key = mix(mix((seed & M64) ^ fnv1a64(name)) + model_index + 1)
    r = entry_bits(key, n) >> np.uint64(40)
    return r < np.uint64(math.floor(density * (1 << 24)))


# ----------------------------------------------------------------------------- configuration

def layer_index(name):
    m = re.search(r"(?:^|\.)layers\.(\d+)\.", name)
    return int(m.group(1)) if m else None


def param_number(value, name, layer, layer_count):
    """A parameter's value for one tensor (number, gradient list, or filter list)."""
    if isinstance(value, bool) or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, list) and value and isinstance(value[0], dict):
        for entry in value:
            f = entry.get("filter")
            if f is None or f in name:
                return param_number(entry["value"], name, layer, layer_count)
        return None
    if isinstance(value, list):
        values = [float(v) for v in value]
        if layer is None or len(values) == 1 or layer_count <= 1:
            return values[0]
        pos = layer / (layer_count - 1) * (len(values) - 1)
        lo = min(int(math.floor(pos)), len(values) - 1)
        hi = min(lo + 1, len(values) - 1)
        f = pos - lo
        return values[lo] * (1 - f) + values[hi] * f
    raise ValueError(f"parameter value {value!r}")


class Config:
    def __init__(self, path):
        import yaml
        with open(path) as fh:
            raw = yaml.safe_load(fh)
        here = os.path.dirname(os.path.abspath(path))
        resolve = lambda p: p if os.path.isabs(p) else os.path.normpath(os.path.join(here, p))
        self.method = raw["merge_method"]
        if self.method not in METHODS:
            raise SystemExit(f"unknown method {self.method}")
        self.base = resolve(raw["base_model"]) if raw.get("base_model") else None
        self.models = [resolve(m["model"]) for m in raw["models"]]
        per_defaults, glob_defaults = METHODS[self.method]
        top = dict(raw.get("parameters") or {})
        self.per_model = []
        for m in raw["models"]:
            p = dict(per_defaults)
            p.update({k: v for k, v in top.items() if k in per_defaults})
            p.update(m.get("parameters") or {})
            self.per_model.append(p)
        self.glob = dict(glob_defaults)
        self.glob.update({k: v for k, v in top.items() if k not in per_defaults})
        self.working = np.float64 if CONFIG_NAMES.get(str(raw.get("dtype", "float32")).lower()) == "F64" else np.float32
        self.out_dtype = CONFIG_NAMES[str(raw["out_dtype"]).lower()] if raw.get("out_dtype") else None
        self.seed = int(raw.get("seed", 0))


# ----------------------------------------------------------------------------- helpers

def seq_sum(terms):
    acc = None
    for t in terms:
        acc = t if acc is None else acc + t
    return acc


def nonzero_divisor(d):
    """Elementwise or scalar: a divisor that would be 0 is 1."""
    if isinstance(d, np.ndarray):
        return np.where(d == 0, d.dtype.type(1), d)
    return type(d)(1) if d == 0 else d


def kth_largest(values, k):
    """The k-th largest (1-based) of a flat array."""
    n = values.size
    return np.partition(values, n - k)[n - k]


def magnitude_trim(delta, density, threshold=None):
    """TIES trim of one tensor (threshold given for trim_scope: model)."""
    if density >= 1:
        return delta
    a = np.abs(delta)
    if threshold is None:
        k = math.floor(density * delta.size)
        if k == 0:
            return np.zeros_like(delta)
        threshold = kth_largest(a.ravel(), k)
    elif threshold == "none":
        return np.zeros_like(delta)
    return np.where(a >= threshold, delta, delta.dtype.type(0))


def breadcrumb_mask(delta, density, gamma):
    n = delta.size
    a = np.abs(delta).ravel()
    s = np.sort(a)
    k = math.floor(density * n)
    g = math.floor(gamma * n)
    b = n - k - g
    if b < 0:
        g, b = g + b, 0
    if b >= n:
        return np.zeros(delta.shape, bool)
    keep = a >= s[b]
    if g > 0:
        keep &= a < s[n - g]
    return keep.reshape(delta.shape)


def sign_of(x):
    return np.sign(x).astype(x.dtype)


def ties_combine(taus, weights, W, normalize, sign_rule, disjoint, lam, theta0):
    omegas = [W(w) * t for w, t in zip(weights, taus)]
    if sign_rule == "sum":
        total = seq_sum(omegas)
    else:
        total = seq_sum([sign_of(o) for o in omegas])
    s = np.where(total >= 0, W(1), W(-1))
    agree = [(sign_of(o) == s) for o in omegas]  # zero never agrees (sign 0 is neither +1 nor -1)
    m = seq_sum([a.astype(W) * o for a, o in zip(agree, omegas)])
    if normalize:
        if disjoint == "weight":
            d = seq_sum([a.astype(W) * W(w) for a, w in zip(agree, weights)])
        else:
            d = seq_sum([a.astype(W) for a in agree])
        m = m / nonzero_divisor(d)
    return theta0 + W(lam) * m


def task_arith(deltas, weights, W, normalize, lam, theta0):
    acc = seq_sum([W(w) * d for w, d in zip(weights, deltas)])
    if normalize:
        acc = acc / nonzero_divisor(seq_sum([W(w) for w in weights]))
    return theta0 + W(lam) * acc


def dare_drop(delta, density, rescale, seed, name, index, W):
    if density >= 1:
        return delta, None
    keep = dare_keep(seed, name, index, density, delta.size).reshape(delta.shape)
    kept = np.where(keep, delta, W(0))
    if rescale == "inverse":
        kept = kept / nonzero_divisor(W(density))
    elif rescale == "l1":
        n_all = float(np.abs(delta.astype(np.float64)).sum())
        n_kept = float(np.abs(kept.astype(np.float64)).sum())
        if n_all >= 1e-7 and n_kept >= 1e-7:
            kept = kept * W(n_all / n_kept)
    return kept, keep


def f64_norm(x):
    x = x.astype(np.float64).ravel()
    return math.sqrt(float(np.dot(x, x)))


def is_embedding(name):
    return any(e in name for e in EMBED_NAMES)


# ----------------------------------------------------------------------------- merging

class Inputs:
    """Base and model tensors (stored), with the embedding shape rule applied."""

    def __init__(self, base_dir, model_dirs):
        self.base_dir = base_dir or model_dirs[0]
        self.base = load_checkpoint(self.base_dir)
        self.models = [load_checkpoint(d) for d in model_dirs]
        self.model_dirs = model_dirs
        self.names = list(self.base)
        for i, m in enumerate(self.models):
            extra = set(m) - set(self.base)
            missing = set(self.base) - set(m)
            if extra or missing:
                raise SystemExit(f"{model_dirs[i]}: tensors differ from the base: {sorted(extra | missing)}")
        self.layer_count = max([layer_index(n) for n in self.names if layer_index(n) is not None], default=-1) + 1
        self.resized = []

    def working(self, name, W):
        b = self.base[name]
        theta0 = to_working(b.dtype, b.array, W)
        thetas = []
        for i, m in enumerate(self.models):
            t = m[name]
            v = to_working(t.dtype, t.array, W)
            if v.shape != theta0.shape:
                if is_embedding(name) and v.ndim == theta0.ndim and v.shape[1:] == theta0.shape[1:]:
                    if v.shape[0] > theta0.shape[0]:
                        v = v[:theta0.shape[0]]
                    else:
                        v = np.concatenate([v, theta0[v.shape[0]:]])
                    self.resized.append((self.model_dirs[i], name))
                else:
                    raise SystemExit(f"{name}: shape {v.shape} in {self.model_dirs[i]} vs {theta0.shape} in the base")
            thetas.append(v)
        return theta0, thetas


def model_thresholds(inp, cfg, W):
    """trim_scope: model — the k-th largest |delta_i| over all floating tensors of model i (None
    when density >= 1, "none" when k is 0). One pass over the tensors for all models."""
    densities = [param_number(p["density"], "", None, inp.layer_count) for p in cfg.per_model]
    mags = {i: [] for i, density in enumerate(densities) if density < 1}
    for name in inp.names if mags else []:
        if inp.base[name].dtype not in FLOATING:
            continue
        theta0, thetas = inp.working(name, W)
        for i in mags:
            mags[i].append(np.abs(thetas[i] - theta0).ravel())
    out = []
    for i, density in enumerate(densities):
        if i not in mags:
            out.append(None)
            continue
        allm = np.concatenate(mags.pop(i))
        k = math.floor(density * allm.size)
        out.append("none" if k == 0 else kth_largest(allm, k))
    return out


def merge_tensor(cfg, inp, name, thresholds, stats):
    W = cfg.working
    theta0, thetas = inp.working(name, W)
    layer = layer_index(name)
    pm = [{k: param_number(v, name, layer, inp.layer_count) for k, v in p.items()} for p in cfg.per_model]
    g = {k: (param_number(v, name, layer, inp.layer_count) if v is not None else None) for k, v in cfg.glob.items()}
    method = cfg.method
    deltas = [t - theta0 for t in thetas]
    weights = [p.get("weight", 1.0) for p in pm]
    M = len(thetas)

    if method == "linear":
        acc = seq_sum([W(w) * t for w, t in zip(weights, thetas)])
        if g["normalize"]:
            acc = acc / nonzero_divisor(seq_sum([W(w) for w in weights]))
        return acc
    if method == "task_arithmetic":
        return task_arith(deltas, weights, W, g["normalize"], g["lambda"], theta0)
    if method == "ties":
        taus = [magnitude_trim(d, p["density"], thresholds[i] if thresholds else None)
                for i, (d, p) in enumerate(zip(deltas, pm))]
        return ties_combine(taus, weights, W, g["normalize"], g["sign"], g["disjoint"], g["lambda"], theta0)
    if method in ("dare_linear", "dare_ties"):
        dropped = []
        for i, (d, p) in enumerate(zip(deltas, pm)):
            kept, keep = dare_drop(d, p["density"], g["rescale"], cfg.seed, name, i, W)
            dropped.append(kept)
            if keep is not None:  # [kept, entries, expected kept, binomial variance]
                st = stats.setdefault(i, [0, 0, 0.0, 0.0])
                st[0] += int(keep.sum())
                st[1] += keep.size
                st[2] += p["density"] * keep.size
                st[3] += p["density"] * (1 - p["density"]) * keep.size
        if method == "dare_linear":
            return task_arith(dropped, weights, W, g["normalize"], g["lambda"], theta0)
        return ties_combine(dropped, weights, W, g["normalize"], g["sign"], g["disjoint"], g["lambda"], theta0)
    if method in ("breadcrumbs", "breadcrumbs_ties"):
        masked = [np.where(breadcrumb_mask(d, p["density"], p["gamma"]), d, W(0)) for d, p in zip(deltas, pm)]
        if method == "breadcrumbs":
            return task_arith(masked, weights, W, g["normalize"], g["lambda"], theta0)
        return ties_combine(masked, weights, W, g["normalize"], g["sign"], g["disjoint"], g["lambda"], theta0)
    if method == "sce":
        taus = deltas
        if g["select_topk"] < 1:
            mean = seq_sum(deltas) / W(M)
            var = seq_sum([(d - mean) * (d - mean) for d in deltas]) / W(M)
            nz = int((var != 0).sum())
            k = math.floor(nz * g["select_topk"])
            if k == 0:
                keep = np.zeros(var.shape, bool)
            else:
                keep = var >= kth_largest(var.ravel(), k)
            taus = [np.where(keep, d, W(0)) for d in deltas]
        n = max(theta0.size, 1)
        e = [float(np.dot(t.astype(np.float64).ravel(), t.astype(np.float64).ravel())) / n for t in taus]
        total = sum(e)
        e = [1.0 / M] * M if total < 1e-6 else [x / total for x in e]
        s = np.where(seq_sum(taus) >= 0, W(1), W(-1))
        agree = [(sign_of(t) == s).astype(W) for t in taus]
        ea = [W(ei) * a for ei, a in zip(e, agree)]
        m = seq_sum([x * t for x, t in zip(ea, taus)]) / np.maximum(seq_sum(ea), W(1e-6))
        return theta0 + W(g["lambda"]) * m
    if method == "tsv":
        alpha = g["alpha"]
        red = g["sv_reduction"] if g["sv_reduction"] is not None else 1.0 / M
        if theta0.ndim == 2 and not is_embedding(name):
            rows, cols = theta0.shape
            k = math.floor(min(rows, cols) * red)
            Us, Ss, Vs = [], [], []
            for d in deltas:
                u, s, vt = np.linalg.svd(d.astype(np.float64), full_matrices=False)
                Us.append(u[:, :k]); Ss.append(s[:k]); Vs.append(vt[:k].T)
            U = np.concatenate(Us, axis=1); S = np.concatenate(Ss); V = np.concatenate(Vs, axis=1)
            p, _, qt = np.linalg.svd(U, full_matrices=False)
            Uo = p @ qt
            p, _, qt = np.linalg.svd(V, full_matrices=False)
            Vo = p @ qt
            m = ((Uo * S) @ Vo.T).astype(W)
        else:
            m = seq_sum(deltas) / W(M)
        return theta0 + W(alpha) * m
    if method == "slerp":
        t = g["t"]
        v0, v1 = theta0.ravel(), thetas[0].ravel()
        n0, n1 = f64_norm(v0), f64_norm(v1)
        u0 = v0.astype(np.float64) / n0 if n0 > 1e-8 else v0.astype(np.float64)
        u1 = v1.astype(np.float64) / n1 if n1 > 1e-8 else v1.astype(np.float64)
        d = float(np.dot(u0, u1))
        if abs(d) > 0.9995:
            out = W(1 - t) * v0 + W(t) * v1
        else:
            th = math.acos(d)
            s0 = math.sin((1 - t) * th) / math.sin(th)
            s1 = math.sin(t * th) / math.sin(th)
            out = W(s0) * v0 + W(s1) * v1
        return out.reshape(theta0.shape)
    if method == "model_stock":
        N = M
        if g["filter_wise"]:
            rows = theta0.shape[0] if theta0.ndim >= 1 and theta0.ndim > 1 else 1
            D = [d.astype(np.float64).reshape(rows, -1) for d in deltas]
            cs = []
            for i in range(N):
                for j in range(i + 1, N):
                    dot = (D[i] * D[j]).sum(axis=1)
                    den = np.maximum(np.sqrt((D[i] ** 2).sum(axis=1)) * np.sqrt((D[j] ** 2).sum(axis=1)), 1e-6)
                    cs.append(np.clip(dot / den, -1, 1))
            c = sum(cs) / len(cs)
            den = 1 + (N - 1) * c
            t = N * c / np.where(den == 0, 1, den)
            shape = (rows,) + (1,) * (theta0.ndim - 1) if theta0.ndim > 1 else (1,)
            tw = t.astype(W).reshape(shape)
            one_minus = (1 - t).astype(W).reshape(shape)
        else:
            cs = []
            for i in range(N):
                for j in range(i + 1, N):
                    a, b = deltas[i].astype(np.float64).ravel(), deltas[j].astype(np.float64).ravel()
                    cs.append(min(1.0, max(-1.0, float(np.dot(a, b)) / max(f64_norm(a) * f64_norm(b), 1e-6))))
            c = sum(cs) / len(cs)
            den = 1 + (N - 1) * c
            t = N * c / (den if den != 0 else 1)
            tw, one_minus = W(t), W(1 - t)
        avg = seq_sum(thetas) / W(N)
        return tw * avg + one_minus * theta0
    if method == "ram":
        eps = W(g["epsilon"])
        changed = [np.abs(d) > eps for d in deltas]
        c = seq_sum([ch.astype(W) for ch in changed])
        m = seq_sum([np.where(ch, d, W(0)) for ch, d in zip(changed, deltas)]) / np.maximum(c, W(1))
        return theta0 + W(g["lambda"]) * m
    raise SystemExit(f"method {method} not implemented")


def merge(cfg):
    """Returns (OrderedDict name -> (dtype, stored array)), DARE stats {model: [kept, entries, expected, variance]}, inputs."""
    inp = Inputs(cfg.base, cfg.models)
    W = cfg.working
    thresholds = None
    if cfg.method == "ties" and cfg.glob.get("trim_scope") == "model":
        thresholds = model_thresholds(inp, cfg, W)
    out = OrderedDict()
    stats = {}
    for name in inp.names:
        b = inp.base[name]
        if b.dtype not in FLOATING:
            out[name] = (b.dtype, b.array)
            continue
        result = merge_tensor(cfg, inp, name, thresholds, stats)
        dtype = cfg.out_dtype or b.dtype
        out[name] = (dtype, from_working(np.asarray(result, dtype=W), dtype))
    return out, stats, inp


# ----------------------------------------------------------------------------- analysis

def analyze(base_dir, model_dirs, seed=0, rank_limit=1 << 24):
    inp = Inputs(base_dir, model_dirs)
    names = [n for n in inp.names if inp.base[n].dtype in FLOATING]
    per_model = []
    deltas = [OrderedDict() for _ in model_dirs]
    updated_masks = [OrderedDict() for _ in model_dirs]
    for name in names:
        theta0, thetas = inp.working(name, np.float64)
        for i, th in enumerate(thetas):
            d = th - theta0
            deltas[i][name] = d
            updated_masks[i][name] = np.abs(d) > 1e-3 * np.maximum(np.abs(th), np.abs(theta0))
    frac = lambda a, b: (a / b) if b else 0.0
    for i, mdir in enumerate(model_dirs):
        tensors = []
        layers = OrderedDict()
        tot = dict(parameters=0, unchanged=0, within=0, updated=0, sq=0.0, linf=0.0)
        for name in names:
            d = deltas[i][name]
            n = d.size
            unchanged = int((d == 0).sum())
            within = int((np.abs(d) <= 1e-5).sum())
            upd = int(updated_masks[i][name].sum())
            sq = float(np.dot(d.ravel(), d.ravel()))
            linf = float(np.abs(d).max()) if n else 0.0
            rank = rank_fraction = None
            if d.ndim == 2 and n <= rank_limit:
                s = np.linalg.svd(d, compute_uv=False)
                smax = s.max() if s.size else 0.0
                rank = int((s > smax * max(d.shape) * 2.0 ** -23).sum())
                rank_fraction = frac(rank, min(d.shape))
            tensors.append(OrderedDict([
                ("name", name), ("shape", list(d.shape)), ("parameters", n), ("unchanged", unchanged),
                ("within_1e-5", within), ("updated", upd), ("unchanged_fraction", frac(unchanged, n)),
                ("within_1e-5_fraction", frac(within, n)), ("updated_fraction", frac(upd, n)),
                ("l2", math.sqrt(sq)), ("linf", linf), ("rank", rank), ("rank_fraction", rank_fraction)]))
            tot["parameters"] += n; tot["unchanged"] += unchanged; tot["within"] += within
            tot["updated"] += upd; tot["sq"] += sq; tot["linf"] = max(tot["linf"], linf)
            layer = layer_index(name)
            if layer is not None:
                L = layers.setdefault(layer, [0, 0, 0.0])
                L[0] += n; L[1] += upd; L[2] += sq
        per_model.append(OrderedDict([
            ("path", mdir), ("parameters", tot["parameters"]), ("unchanged", tot["unchanged"]),
            ("within_1e-5", tot["within"]), ("updated", tot["updated"]),
            ("unchanged_fraction", frac(tot["unchanged"], tot["parameters"])),
            ("within_1e-5_fraction", frac(tot["within"], tot["parameters"])),
            ("updated_fraction", frac(tot["updated"], tot["parameters"])),
            ("l2", math.sqrt(tot["sq"])), ("linf", tot["linf"]), ("tensors", tensors),
            ("layers", [OrderedDict([("layer", k), ("parameters", v[0]), ("updated", v[1]),
                                     ("updated_fraction", frac(v[1], v[0])), ("l2", math.sqrt(v[2]))])
                        for k, v in sorted(layers.items())])]))
    # sketches
    sketches = []
    for i in range(len(model_dirs)):
        sk = np.zeros(256)
        for name in names:
            d = deltas[i][name].ravel()
            key = mix((seed & M64) ^ fnv1a64(name))
            bits = entry_bits(key, d.size)
            idx = (bits & np.uint64(255)).astype(np.int64)
            neg = ((bits >> np.uint64(8)) & np.uint64(1)).astype(bool)
            np.add.at(sk, idx, np.where(neg, -d, d))
        sketches.append(sk)
    pairs = []
    for a in range(len(model_dirs)):
        for b in range(a + 1, len(model_dirs)):
            both = either = conflicts = 0
            dot = 0.0
            for name in names:
                ua, ub = updated_masks[a][name], updated_masks[b][name]
                both += int((ua & ub).sum()); either += int((ua | ub).sum())
                da, db = deltas[a][name], deltas[b][name]
                conflicts += int((ua & ub & (np.sign(da) != np.sign(db))).sum())
                dot += float(np.dot(da.ravel(), db.ravel()))
            p = per_model[a]["updated_fraction"]; q = per_model[b]["updated_fraction"]
            na, nb = per_model[a]["l2"], per_model[b]["l2"]
            sa, sb = sketches[a], sketches[b]
            nsa, nsb = math.sqrt(float(sa @ sa)), math.sqrt(float(sb @ sb))
            pairs.append(OrderedDict([
                ("a", a), ("b", b), ("both_updated", both), ("either_updated", either),
                ("jaccard", frac(both, either)), ("jaccard_random", frac(p * q, p + q - p * q)),
                ("cosine", frac(dot, na * nb)), ("cosine_projected", frac(float(sa @ sb), nsa * nsb)),
                ("sign_conflicts", conflicts), ("sign_conflict_rate", frac(conflicts, both))]))
    return OrderedDict([("base", base_dir), ("seed", seed), ("models", per_model), ("pairs", pairs)])


# ----------------------------------------------------------------------------- CLI

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("merge")
    m.add_argument("config")
    m.add_argument("-o", "--output", required=True)
    a = sub.add_parser("analyze")
    a.add_argument("--base", required=True)
    a.add_argument("models", nargs="+")
    a.add_argument("-o", "--output", required=True)
    a.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    if args.cmd == "merge":
        cfg = Config(args.config)
        out, stats, inp = merge(cfg)
        os.makedirs(args.output, exist_ok=True)
        with open(os.path.join(args.output, "model.safetensors"), "wb") as fh:
            fh.write(safetensors_bytes([(n, d, a) for n, (d, a) in out.items()]))
        src = os.path.join(inp.base_dir, "config.json")
        if os.path.exists(src):
            shutil.copy(src, os.path.join(args.output, "config.json"))
        for i, (kept, total, expected, _) in sorted(stats.items()):
            print(f"DARE model {i}: kept {kept}/{total} = {kept / total:.4f} (expected {expected / total:.4f})")
    else:
        report = analyze(args.base, args.models, args.seed)
        with open(args.output, "w") as fh:
            json.dump(report, fh, indent=1)


if __name__ == "__main__":
    main()
