#!/usr/bin/env python3
"""Writes a Qwen2.5-0.5B-shaped BF16 base checkpoint and three sparse "RL" fine-tunes of it, with
NumPy only, for bench/merge.sh.

    python3 bench/merge_gen.py ROOT [--seed N] [--shard-mb 500]

prints the folder holding base/, rl-1/, rl-2/ and rl-3/: ROOT/s<seed>-m<shard MB>-<hash of this
file and of bench/merge_numpy.py, whose BF16 rounding, header writer and reader it uses>. A folder
already complete (its DONE file present) is reused as it is, so reruns cost nothing;
other folders under ROOT (older seeds or generator versions) are removed to save disk.

Shapes are Qwen2.5-0.5B's (494,032,768 parameters): a tied 151936 x 896 embedding, 24 layers of
q/k/v (with biases; k and v 128 x 896) and o projections, gate/up 4864 x 896, down 896 x 4864,
two RMSNorm weights per layer, a final norm. Base values are seeded normals (std 0.02 for
matrices and biases, 1 + 0.1 N for norms) rounded to BF16 from F32 to nearest, ties to even.
Fine-tune i changes a seeded random share of the entries of every tensor (5%, 15% and 30%) by
1 to 4 BF16 ulps up or down in magnitude (mostly 1): the small, sparse, sign-mixed updates RL
leaves on a BF16 model. Everything is written in chunks (peak memory about 0.5 GB), in HF's
layout: model-0000k-of-0000N.safetensors shards of at most --shard-mb MB (10^6 bytes) with
model.safetensors.index.json, plus config.json.
"""
import argparse
import hashlib
import json
import os
import shutil
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import merge_numpy  # noqa: E402
from merge_numpy import bf16_from_f32, header_bytes, open_checkpoint  # noqa: E402

HIDDEN, LAYERS, VOCAB, INTER, KV = 896, 24, 151936, 4864, 128
DENSITIES = (0.05, 0.15, 0.30)
CHUNK = 1 << 24  # elements per generated chunk


def layout():
    """(name, shape, kind) in the checkpoint's order; kind picks the base distribution."""
    tensors = [("model.embed_tokens.weight", (VOCAB, HIDDEN), "matrix")]
    for layer in range(LAYERS):
        p = f"model.layers.{layer}."
        tensors += [
            (p + "input_layernorm.weight", (HIDDEN,), "norm"),
            (p + "self_attn.q_proj.weight", (HIDDEN, HIDDEN), "matrix"),
            (p + "self_attn.q_proj.bias", (HIDDEN,), "matrix"),
            (p + "self_attn.k_proj.weight", (KV, HIDDEN), "matrix"),
            (p + "self_attn.k_proj.bias", (KV,), "matrix"),
            (p + "self_attn.v_proj.weight", (KV, HIDDEN), "matrix"),
            (p + "self_attn.v_proj.bias", (KV,), "matrix"),
            (p + "self_attn.o_proj.weight", (HIDDEN, HIDDEN), "matrix"),
            (p + "post_attention_layernorm.weight", (HIDDEN,), "norm"),
            (p + "mlp.gate_proj.weight", (INTER, HIDDEN), "matrix"),
            (p + "mlp.up_proj.weight", (INTER, HIDDEN), "matrix"),
            (p + "mlp.down_proj.weight", (HIDDEN, INTER), "matrix"),
        ]
    tensors.append(("model.norm.weight", (HIDDEN,), "norm"))
    return tensors


CONFIG = {
    "architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2", "hidden_size": HIDDEN,
    "intermediate_size": INTER, "num_hidden_layers": LAYERS, "num_attention_heads": 14,
    "num_key_value_heads": 2, "vocab_size": VOCAB, "max_position_embeddings": 32768,
    "rms_norm_eps": 1e-6, "rope_theta": 1000000.0, "hidden_act": "silu",
    "tie_word_embeddings": True, "torch_dtype": "bfloat16", "bos_token_id": 151643,
    "eos_token_id": 151643, "use_cache": True,
}


def plan_shards(tensors, shard_bytes):
    """Greedy HF-style sharding in order: a new shard when the next tensor would not fit."""
    shards, current, size = [], [], 0
    for name, shape, kind in tensors:
        n = 2 * int(np.prod(shape))
        if current and size + n > shard_bytes:
            shards.append(current)
            current, size = [], 0
        current.append((name, shape, kind))
        size += n
    if current:
        shards.append(current)
    return shards


def base_chunks(name, shape, kind, seed):
    """Yields the base tensor's BF16 bits chunk by chunk (seeded by the tensor's name)."""
    n = int(np.prod(shape))
    rng = np.random.default_rng([seed, int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "little")])
    for start in range(0, n, CHUNK):
        x = rng.standard_normal(min(CHUNK, n - start), dtype=np.float32)
        if kind == "norm":
            x *= np.float32(0.1)
            x += np.float32(1.0)
        else:
            x *= np.float32(0.02)
        yield bf16_from_f32(x)


ULPS = np.array([1, 1, 1, 1, 2, 2, 3, 4], dtype=np.int32)


def finetune(bits, density, rng):
    """Moves a `density` share of entries by 1-4 ulps in magnitude, up or down (never across zero,
    never to infinity)."""
    r = rng.integers(0, 1 << 32, size=bits.size, dtype=np.uint32)
    changed = (r & 0xFFFFFF) < np.uint32(int(density * (1 << 24)))
    step = ULPS[(r >> 24) & 7]
    step = np.where((r >> 27) & 1, step, -step)
    magnitude = (bits & 0x7FFF).astype(np.int32)
    moved = np.clip(magnitude + step, 1, 0x7F7F)
    out = np.where(changed, (bits & 0x8000).astype(np.int32) | moved, bits.astype(np.int32))
    return out.astype(np.uint16)


def write_checkpoint(folder, shards, chunks_of):
    """Writes the shards, the index and config.json; chunks_of(name, shape, kind) yields uint16s."""
    os.makedirs(folder, exist_ok=True)
    weight_map, total = {}, 0
    for k, entries in enumerate(shards):
        file = f"model-{k + 1:05d}-of-{len(shards):05d}.safetensors"
        head, size = header_bytes([(name, shape) for name, shape, _ in entries])
        with open(os.path.join(folder, file), "wb") as f:
            f.write(head)
            for name, shape, kind in entries:
                for chunk in chunks_of(name, shape, kind):
                    f.write(chunk.tobytes())
                weight_map[name] = file
        total += size
    with open(os.path.join(folder, "model.safetensors.index.json"), "w") as f:
        json.dump({"metadata": {"total_size": total}, "weight_map": weight_map}, f, indent=2)
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(CONFIG, f, indent=2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root")
    parser.add_argument("--seed", type=int, default=20250601)
    parser.add_argument("--shard-mb", type=int, default=500)
    args = parser.parse_args()
    digest = hashlib.sha256(open(__file__, "rb").read() + open(merge_numpy.__file__, "rb").read()).hexdigest()[:12]
    name = f"s{args.seed}-m{args.shard_mb}-{digest}"
    folder = os.path.join(args.root, name)
    if os.path.exists(os.path.join(folder, "DONE")):
        print(folder)
        return
    os.makedirs(args.root, exist_ok=True)
    for other in os.listdir(args.root):
        path = os.path.join(args.root, other)
        if other == name or not other.startswith("s"):
            continue
        if os.path.islink(path):  # a cache linked from elsewhere: drop the link, not its target
            os.unlink(path)
        elif os.path.isdir(path):
            shutil.rmtree(path)
    shutil.rmtree(folder, ignore_errors=True)
    tensors = layout()
    shards = plan_shards(tensors, args.shard_mb * 10**6)
    params = sum(int(np.prod(s)) for _, s, _ in tensors)
    print(f"merge_gen: {params:,} parameters, {len(shards)} shards per checkpoint -> {folder}", file=sys.stderr)
    base = os.path.join(folder, "base")
    write_checkpoint(base, shards, lambda n, s, k: base_chunks(n, s, k, args.seed))
    base_bits = {name: raw.view(np.uint16) for name, (_, _, raw) in open_checkpoint(base).items()}  # memory-mapped
    for i, density in enumerate(DENSITIES):
        rng = np.random.default_rng([args.seed, 1000 + i])

        def chunks(n, s, k, rng=rng, density=density):
            bits = base_bits[n]
            for start in range(0, bits.size, CHUNK):
                yield finetune(np.asarray(bits[start:start + CHUNK]), density, rng)

        write_checkpoint(os.path.join(folder, f"rl-{i + 1}"), shards, chunks)
        print(f"merge_gen: rl-{i + 1} (density {density}) written", file=sys.stderr)
    open(os.path.join(folder, "DONE"), "w").write(f"{params}\n")
    print(folder)


if __name__ == "__main__":
    main()
