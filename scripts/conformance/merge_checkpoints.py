#!/usr/bin/env python3
"""Writes small, seeded Hugging Face-style checkpoints for the merge conformance check.

    python3 scripts/conformance/merge_checkpoints.py OUTDIR [--seed 7]

OUTDIR/{f32,bf16}/{base,ft-a,ft-b,ft-c,ft-d}: a random base (3 Llama-like layers, embeddings, LM head,
norms and biases, an I64 tensor) and four fine-tunes of it:

  ft-a  sparse (~15% of entries changed), a larger vocabulary (1408 embedding / LM-head rows
        instead of 1400: the shape rule), single file
  ft-b  sparse (~25%), overlapping ft-a with sign conflicts, some changes exactly -ft-a's
        (equal magnitudes, opposite signs), sharded in 3 files with an index
  ft-c  dense (every floating entry changed; large changes on the MLP so SLERP takes its
        spherical branch there), tiny changes around 1e-5 (RAM's epsilon)
  ft-d  very sparse (~5%), overlapping ft-b; written unaligned (header not padded, so every
        tensor starts at an odd address) with its tensors in another order than the base's,
        one tensor in F16 and one in the other of F32/BF16 (dtypes that differ from the base's)

At "grid" positions the base value and every change are multiples of 1/64 so that changes of
equal magnitude are exactly equal after rounding to BF16 (ties for TIES' trim, sign elections
that sum to zero). The embedding and LM head (1400 x 24 = 33,600 entries) are larger than 4 x
8,192, so m2rl's sampled threshold brackets run on them; there 40% of the entries are on the grid
and a third of ft-b's entries change by exactly +-1/64 (a tie mass at the threshold that
overflows a bracket, so the exact fallback runs too). The BF16 base keeps `model.norm.weight` in F32 (a mixed-dtype checkpoint).
The F32 base is sharded (2 files). Each checkpoint has a config.json; the base also has
tokenizer_config.json and generation_config.json (copied by m2rl merge).

Deterministic: the same seed gives byte-identical files. NumPy only.
"""
import argparse
import json
import os
import sys
import zlib

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from safetensors_np import f32_to_bf16_bits, bf16_bits_to_f32, save_checkpoint  # noqa: E402

HIDDEN, INTER, KV, LAYERS, VOCAB, BIG_VOCAB = 24, 40, 12, 3, 1400, 1408


def layout(vocab=VOCAB):
    """(name, shape, kind) in file order."""
    out = [("model.embed_tokens.weight", (vocab, HIDDEN), "embed")]
    for n in range(LAYERS):
        p = f"model.layers.{n}."
        out += [
            (p + "input_layernorm.weight", (HIDDEN,), "norm"),
            (p + "self_attn.q_proj.weight", (HIDDEN, HIDDEN), "attn"),
            (p + "self_attn.q_proj.bias", (HIDDEN,), "bias"),
            (p + "self_attn.k_proj.weight", (KV, HIDDEN), "attn"),
            (p + "self_attn.v_proj.weight", (KV, HIDDEN), "attn"),
            (p + "self_attn.o_proj.weight", (HIDDEN, HIDDEN), "attn"),
            (p + "post_attention_layernorm.weight", (HIDDEN,), "norm"),
            (p + "mlp.gate_proj.weight", (INTER, HIDDEN), "mlp"),
            (p + "mlp.up_proj.weight", (INTER, HIDDEN), "mlp"),
            (p + "mlp.down_proj.weight", (HIDDEN, INTER), "mlp"),
        ]
    out += [("model.norm.weight", (HIDDEN,), "norm"),
            ("model.rotary_emb.inv_freq_ids", (1, 16), "int"),
            ("lm_head.weight", (vocab, HIDDEN), "embed")]
    return out


def rng_for(seed, *parts):
    return np.random.default_rng([seed] + [zlib.crc32(str(p).encode()) for p in parts])


def round_to(values64, dtype):
    """F64 values -> stored array of the dtype (RNE); also returns the exact F64 of the stored values."""
    if dtype == "F16":
        f16 = values64.astype(np.float16)
        return f16, f16.astype(np.float64)
    f32 = values64.astype(np.float32)
    if dtype == "BF16":
        bits = f32_to_bf16_bits(f32)  # values64 here are exact in F32 or meant as F32 first
        return bits, bf16_bits_to_f32(bits).astype(np.float64)
    return f32, f32.astype(np.float64)


def base_values(seed, name, shape, kind):
    rng = rng_for(seed, "base", name)
    if kind == "norm":
        v = 1.0 + 0.1 * rng.standard_normal(shape)
    elif kind == "bias":
        v = 0.02 * rng.standard_normal(shape)
        v[:3] = 0.0  # zero-initialised entries
    else:
        v = rng.standard_normal(shape) * (0.05 if kind == "embed" else 0.1)
    grid = rng.random(shape) < (0.4 if kind == "embed" else 0.08)
    v = np.where(grid, np.round(v * 64) / 64, v) + 0.0  # + 0.0: no negative zeros
    return v, grid


EXPERTS = {
    # name: share of the entries it changes (ft-c, dense, has its own scales in expert_values)
    "ft-a": 0.15, "ft-b": 0.25, "ft-c": 1.0, "ft-d": 0.05,
}


def expert_values(seed, expert, name, shape, kind, base64, grid):
    """F64 values of the expert before storing (rows of the base shape)."""
    rng = rng_for(seed, expert, name)
    if expert == "ft-c":
        scale = 0.06 if kind == "mlp" else 0.002
        delta = scale * rng.standard_normal(shape)
        tiny = rng.random(shape) < 0.05
        delta = np.where(tiny, rng.choice([-1, 1], size=shape) * rng.uniform(2e-6, 2e-5, shape), delta)
    else:
        frac = EXPERTS[expert]
        changed = rng.random(shape) < frac
        if expert in ("ft-b", "ft-d"):
            # overlap: a share of ft-a's changed entries, often with the opposite sign
            ra = rng_for(seed, "ft-a", name)
            a_changed = ra.random(shape) < EXPERTS["ft-a"]
            changed |= a_changed & (rng.random(shape) < 0.5)
        delta = np.where(changed, 0.01 * rng.standard_normal(shape), 0.0)
    # grid positions: the change is a multiple of 1/64, shared in magnitude between experts
    g = rng_for(seed, "grid", name)
    steps = g.integers(1, 4, size=shape) / 64.0
    if expert == "ft-b" and kind == "embed":
        steps = np.full(shape, 1 / 64.0)  # a third of the entries tied at one magnitude
    sign_a = np.where(g.random(shape) < 0.5, -1.0, 1.0)
    if expert in ("ft-a", "ft-d"):
        gd = sign_a * steps
    elif expert == "ft-b":
        gd = np.where(g.random(shape) < 0.6, -sign_a, sign_a) * steps  # 60% exact sign conflicts
    else:
        gd = np.where(rng.random(shape) < 0.5, steps, 0.0) * sign_a
    use_grid = grid & ((rng.random(shape) < 0.7) | (expert != "ft-c"))
    if expert != "ft-c":
        use_grid &= rng_for(seed, "gridsel", name).random(shape) < 0.8
    delta = np.where(use_grid, gd, delta)
    if kind == "norm" and expert == "ft-a":
        delta[:] = 0.0  # an untouched tensor
    return base64 + delta


def build(seed, out, dtype, shard_base):
    folder = os.path.join(out, dtype.lower())
    torch = {"BF16": "bfloat16", "F32": "float32"}[dtype]
    base_stored = {}
    base_exact = {}
    grids = {}
    tensors = []
    for name, shape, kind in layout():
        if kind == "int":
            arr = (np.arange(16, dtype=np.int64) * 3).reshape(shape)
            tensors.append((name, "I64", arr))
            base_stored[name] = ("I64", arr)
            continue
        v, grid = base_values(seed, name, shape, kind)
        tdtype = "F32" if (dtype == "BF16" and name == "model.norm.weight") else dtype
        stored, exact = round_to(v, tdtype)
        tensors.append((name, tdtype, stored))
        base_exact[name], grids[name] = exact, grid
        base_stored[name] = (tdtype, stored)
    config = {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": HIDDEN,
              "intermediate_size": INTER, "num_hidden_layers": LAYERS, "num_attention_heads": 4,
              "num_key_value_heads": 2, "vocab_size": VOCAB, "torch_dtype": torch}
    extra = {"tokenizer_config.json": json.dumps({"model_max_length": 128, "m2rl_fixture": True}) + "\n",
             "generation_config.json": json.dumps({"do_sample": False}) + "\n"}
    save_checkpoint(os.path.join(folder, "base"), tensors, shards=shard_base, config=config, extra_files=extra)

    for expert, shards in (("ft-a", 1), ("ft-b", 3), ("ft-c", 1), ("ft-d", 1)):
        vocab = BIG_VOCAB if expert == "ft-a" else VOCAB
        etensors = []
        for name, shape, kind in layout(vocab):
            if kind == "int":
                etensors.append((name, "I64", base_stored[name][1] + (1 if expert == "ft-b" else 0)))
                continue
            tdtype = base_stored[name][0]
            if expert == "ft-d" and name == "model.layers.2.mlp.down_proj.weight":
                tdtype = "BF16" if dtype == "F32" else "F32"  # saved in another dtype than the base
            if expert == "ft-d" and name == "model.layers.0.input_layernorm.weight":
                tdtype = "F16"
            b = base_exact[name]
            grid = grids[name]
            if shape[0] != b.shape[0]:
                extra_rows = rng_for(seed, expert, name, "rows").standard_normal((shape[0] - b.shape[0],) + shape[1:]) * 0.05
                b = np.concatenate([b, extra_rows])
                grid = np.concatenate([grid, np.zeros(extra_rows.shape, bool)])
            v = expert_values(seed, expert, name, shape, kind, b, grid)
            stored, _ = round_to(v, tdtype)
            etensors.append((name, tdtype, stored))
        cfg = dict(config, vocab_size=vocab)
        if expert == "ft-d":  # unaligned: no header padding, the I64 tensor first
            etensors.sort(key=lambda t: t[1] != "I64")
        save_checkpoint(os.path.join(folder, expert), etensors, shards=shards, config=cfg,
                        align_header="odd" if expert == "ft-d" else True)


def build_large(seed, out):
    """OUTDIR/large/{base,ft-a,ft-b}: one BF16 tensor of 4097 x 4096 entries, just over m2rl's
    chunk of 2^24 elements, so merges cross a chunk boundary (opt-in: about 100 MB)."""
    shape = (4097, 4096)
    name = "model.layers.0.mlp.up_proj.weight"
    rng = rng_for(seed, "large")
    base = f32_to_bf16_bits((rng.standard_normal(shape, dtype=np.float32) * np.float32(0.05)))
    norm = (1 + 0.1 * rng.standard_normal(8)).astype(np.float32)
    config = {"model_type": "llama", "num_hidden_layers": 1, "torch_dtype": "bfloat16"}
    folder = os.path.join(out, "large")
    save_checkpoint(os.path.join(folder, "base"), [(name, "BF16", base), ("model.norm.weight", "F32", norm)], config=config)
    b = bf16_bits_to_f32(base)
    for expert, frac in (("ft-a", 0.2), ("ft-b", 0.3)):
        r = rng_for(seed, "large", expert)
        changed = r.random(shape, dtype=np.float32) < frac
        delta = np.where(changed, r.standard_normal(shape, dtype=np.float32) * np.float32(0.01), np.float32(0))
        enorm = norm + np.float32(0.01) * r.standard_normal(8).astype(np.float32)
        save_checkpoint(os.path.join(folder, expert), [(name, "BF16", f32_to_bf16_bits(b + delta)),
                                                       ("model.norm.weight", "F32", enorm)], config=config)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--large", action="store_true", help="also OUTDIR/large: one tensor over 2^24 entries")
    args = ap.parse_args()
    if args.large:
        build_large(args.seed, args.out)
    build(args.seed, args.out, "F32", shard_base=2)
    build(args.seed, args.out, "BF16", shard_base=1)
    print(f"wrote {args.out}/f32 and {args.out}/bf16 (base, ft-a, ft-b, ft-c, ft-d)")


if __name__ == "__main__":
    main()
