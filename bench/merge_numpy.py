#!/usr/bin/env python3
"""The NumPy peer of `m2rl merge` for bench/merge.sh: task arithmetic and TIES exactly as
docs/merge.md writes them, streaming tensor by tensor from np.memmap of the shards (F32 working,
BF16 out), as one would write it by hand (mergekit's shape: one tensor at a time, whole).

    merge_numpy.py task_arithmetic BASE MODEL... -o OUT [--weight W] [--lambda L] [--normalize]
    merge_numpy.py ties BASE MODEL... -o OUT [--weight W] [--density D] [--lambda L]
    merge_numpy.py compare A B              # BF16 outputs: equal bits? JSON summary

TIES: per-tensor trim (k = floor(density * n), keep |delta| >= the k-th largest |delta|, ties
kept), sign election by the sum of weighted trimmed deltas, disjoint mean divided by the
agreeing weights (normalize, TIES' default), result base + lambda * m. Task arithmetic:
base + lambda * sum(w_i delta_i) (divided by sum w_i with --normalize). One IEEE F32 operation
per symbol in docs/merge.md's order, so the output should equal m2rl's bit for bit. The output
is one model.safetensors (m2rl's layout under its default 5 GB shard size) with config.json.
"""
import argparse
import json
import math
import os
import shutil
import sys

import numpy as np


# ---------------------------------------------------------------- safetensors, read and write

def open_checkpoint(folder):
    """{name: (dtype, shape, uint8 memmap of its bytes)} over the index's shards (or one file)."""
    index = os.path.join(folder, "model.safetensors.index.json")
    files = sorted(set(json.load(open(index))["weight_map"].values())) if os.path.exists(index) else ["model.safetensors"]
    tensors = {}
    for file in files:
        path = os.path.join(folder, file)
        with open(path, "rb") as f:
            n = int.from_bytes(f.read(8), "little")
            header = json.loads(f.read(n))
        data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + n)
        for name, info in header.items():
            if name == "__metadata__":
                continue
            begin, end = info["data_offsets"]
            tensors[name] = (info["dtype"], tuple(info["shape"]), data[begin:end])
    return tensors


def to_f32(entry):
    dtype, shape, raw = entry
    if dtype == "BF16":
        return (raw.view(np.uint16).astype(np.uint32) << 16).view(np.float32).reshape(shape)
    if dtype == "F32":
        return np.array(raw.view(np.float32)).reshape(shape)
    if dtype == "F16":
        return raw.view(np.float16).astype(np.float32).reshape(shape)
    raise SystemExit(f"unsupported dtype {dtype}")


def bf16_from_f32(x):
    """F32 -> BF16 bits, round to nearest, ties to even; NaN stays a quiet NaN."""
    u = x.reshape(-1).view(np.uint32)
    out = ((u + (np.uint32(0x7FFF) + ((u >> 16) & 1))) >> 16).astype(np.uint16)
    nan = np.isnan(x.reshape(-1))
    if nan.any():
        out[nan] = ((u[nan] >> 16) | 0x40).astype(np.uint16)
    return out


def header_bytes(entries):
    """The safetensors header of BF16 tensors [(name, shape)] stored in that order: the 8-byte
    length and the JSON padded with spaces to a multiple of 8. Returns (bytes, data size)."""
    header, offset = {"__metadata__": {"format": "pt"}}, 0
    for name, shape in entries:
        n = 2 * math.prod(shape)
        header[name] = {"dtype": "BF16", "shape": list(shape), "data_offsets": [offset, offset + n]}
        offset += n
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-(8 + len(text)) % 8)
    return len(text).to_bytes(8, "little") + text, offset


class Writer:
    """One safetensors file written in order: the header first (every shape is known), then each
    tensor's bytes as it is computed."""

    def __init__(self, folder, entries):
        os.makedirs(folder, exist_ok=True)
        for old in os.listdir(folder):
            if old.endswith(".safetensors") or old == "model.safetensors.index.json":
                os.remove(os.path.join(folder, old))
        self.names = [name for name, _ in entries]
        self.file = open(os.path.join(folder, "model.safetensors"), "wb")
        self.file.write(header_bytes(entries)[0])

    def write(self, name, bits):
        assert name == self.names.pop(0)
        self.file.write(bits.tobytes())

    def close(self):
        self.file.close()


# ---------------------------------------------------------------- the methods

def task_arithmetic(base, deltas, weights, lam, normalize):
    merged = None
    for w in weights:
        term = deltas.pop(0)
        term *= np.float32(w)
        if merged is None:
            merged = term
        else:
            merged += term
            del term
    if normalize:
        total = np.float32(0)
        for w in weights:
            total = total + np.float32(w)
        merged /= total if total != 0 else np.float32(1)
    merged *= np.float32(lam)
    merged += base
    return merged


def trim(delta, density):
    """In place: zero the entries with |delta| below the k-th largest |delta|, k = floor(density * n)."""
    if density >= 1:
        return delta
    n = delta.size
    k = math.floor(density * n)
    if k == 0:
        delta[...] = 0
        return delta
    magnitude = np.abs(delta).reshape(-1)
    magnitude.partition(n - k)
    threshold = magnitude[n - k]
    del magnitude
    delta[np.abs(delta) < threshold] = 0
    return delta


def ties(base, deltas, weights, densities, lam, normalize=True):
    """Consumes `deltas` (each trimmed and weighted in place, so at most models + 4 tensors live)."""
    omegas = []
    for w, rho in zip(weights, densities):
        omega = trim(deltas.pop(0), rho)
        omega *= np.float32(w)
        omegas.append(omega)
    elect = omegas[0].copy()
    for omega in omegas[1:]:
        elect += omega
    positive = elect >= 0
    del elect
    merged = np.zeros_like(base)
    divisor = np.zeros_like(base)
    for w, omega in zip(weights, omegas):
        agree = np.where(positive, omega > 0, omega < 0)
        merged += np.where(agree, omega, np.float32(0))
        divisor += np.where(agree, np.float32(w), np.float32(0))
    del omegas, positive, agree
    if normalize:
        divisor[divisor == 0] = 1
        merged /= divisor
    merged *= np.float32(lam)
    merged += base
    return merged


def merge(args):
    base_ckpt = open_checkpoint(args.base)
    models = [open_checkpoint(m) for m in args.models]
    names = list(base_ckpt)
    writer = Writer(args.output, [(name, base_ckpt[name][1]) for name in names])
    weights = [args.weight] * len(models)
    for name in names:
        base = to_f32(base_ckpt[name])
        deltas = []
        for m in models:
            delta = to_f32(m[name])
            delta -= base
            deltas.append(delta)
        if args.method == "task_arithmetic":
            out = task_arithmetic(base, deltas, weights, args.lam, args.normalize)
        else:
            out = ties(base, deltas, weights, [args.density] * len(models), args.lam)
        del deltas
        writer.write(name, bf16_from_f32(out))
    writer.close()
    shutil.copy(os.path.join(args.base, "config.json"), os.path.join(args.output, "config.json"))


def compare(a, b):
    """Bit-for-bit comparison of two BF16 checkpoints, tensor by tensor."""
    left, right = open_checkpoint(a), open_checkpoint(b)
    report = {"tensors": len(left), "entries": 0, "differing": 0, "max_abs_diff": 0.0, "max_ulps": 0,
              "missing": sorted(set(left) ^ set(right)), "first": []}
    for name in left:
        if name not in right:
            continue
        x, y = left[name], right[name]
        if x[0] != y[0] or x[1] != y[1]:
            report["first"].append(f"{name}: {x[0]} {x[1]} vs {y[0]} {y[1]}")
            report["differing"] += math.prod(x[1])
            continue
        report["entries"] += math.prod(x[1])
        xb, yb = x[2].view(np.uint16), y[2].view(np.uint16)
        bad = np.flatnonzero(xb != yb)
        if bad.size:
            report["differing"] += int(bad.size)
            xf, yf = to_f32(x).reshape(-1)[bad], to_f32(y).reshape(-1)[bad]
            report["max_abs_diff"] = max(report["max_abs_diff"], float(np.nanmax(np.abs(xf - yf))))
            report["max_ulps"] = max(report["max_ulps"], int(np.max(np.abs(xb[bad].astype(np.int32) - yb[bad].astype(np.int32)))))
            if len(report["first"]) < 5:
                j = int(bad[0])
                report["first"].append(f"{name}[{j}]: {float(xf[0])!r} vs {float(yf[0])!r}")
    report["equal"] = report["differing"] == 0 and not report["missing"]
    print(json.dumps(report))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "compare":
        return compare(sys.argv[2], sys.argv[3])
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("method", choices=["task_arithmetic", "ties"])
    parser.add_argument("base")
    parser.add_argument("models", nargs="+")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--weight", type=float, default=1.0)
    parser.add_argument("--density", type=float, default=1.0)
    parser.add_argument("--lambda", dest="lam", type=float, default=1.0)
    parser.add_argument("--normalize", action="store_true", help="task arithmetic: divide by the sum of weights")
    merge(parser.parse_args())


if __name__ == "__main__":
    main()
