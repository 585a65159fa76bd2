#!/usr/bin/env python3
"""Writes the small embedded checkpoints that scripts/samples merges and analyses.

A Qwen-shaped toy model (hidden 32, 2 layers, vocab 128; about 33 K parameters) in BF16:
`sft/` is the base; `rl-math/`, `rl-code/` and `rl-science/` are "RL experts" whose updates are
sparse, as RL updates are (each changes 15-30 % of the entries by small amounts, overlapping
partly, with some sign conflicts), and `rl-code/` is written sharded, with an index. Python's
standard library only (random.Random is stable across versions), so the files are reproducible:

    python3 testcases/merge/make_checkpoints.py     # rewrites testcases/merge/{sft,rl-*}/
"""
import json
import os
import random
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
HIDDEN, LAYERS, VOCAB, MLP = 32, 2, 128, 88


def shapes():
    yield "model.embed_tokens.weight", (VOCAB, HIDDEN)
    for layer in range(LAYERS):
        prefix = f"model.layers.{layer}."
        for name in ("q_proj", "k_proj", "v_proj", "o_proj"):
            yield prefix + f"self_attn.{name}.weight", (HIDDEN, HIDDEN)
        yield prefix + "mlp.gate_proj.weight", (MLP, HIDDEN)
        yield prefix + "mlp.up_proj.weight", (MLP, HIDDEN)
        yield prefix + "mlp.down_proj.weight", (HIDDEN, MLP)
        yield prefix + "input_layernorm.weight", (HIDDEN,)
        yield prefix + "post_attention_layernorm.weight", (HIDDEN,)
    yield "model.norm.weight", (HIDDEN,)
    yield "lm_head.weight", (VOCAB, HIDDEN)


def bf16(value):
    """F32 bits of `value`, rounded to nearest even into BF16 bits."""
    bits = struct.unpack("<I", struct.pack("<f", value))[0]
    return ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16) & 0xFFFF


def write_file(path, tensors):
    header, offset, blobs = {"__metadata__": {"format": "pt"}}, 0, []
    for name, shape, values in tensors:
        blob = struct.pack(f"<{len(values)}H", *(bf16(v) for v in values))
        header[name] = {"dtype": "BF16", "shape": list(shape), "data_offsets": [offset, offset + len(blob)]}
        offset += len(blob)
        blobs.append(blob)
    text = json.dumps(header, separators=(",", ":"))
    text += " " * ((8 - (8 + len(text)) % 8) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)))
        out.write(text.encode())
        for blob in blobs:
            out.write(blob)


def write_checkpoint(name, tensors, shards=1):
    folder = os.path.join(HERE, name)
    os.makedirs(folder, exist_ok=True)
    for old in os.listdir(folder):
        os.remove(os.path.join(folder, old))
    with open(os.path.join(folder, "config.json"), "w") as out:
        json.dump({"architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2", "hidden_size": HIDDEN,
                   "num_hidden_layers": LAYERS, "vocab_size": VOCAB, "intermediate_size": MLP,
                   "torch_dtype": "bfloat16", "tie_word_embeddings": False}, out, indent=2)
        out.write("\n")
    if shards == 1:
        write_file(os.path.join(folder, "model.safetensors"), tensors)
        return
    per = (len(tensors) + shards - 1) // shards
    weight_map, total = {}, 0
    for index in range(shards):
        part = tensors[index * per:(index + 1) * per]
        file = f"model-{index + 1:05d}-of-{shards:05d}.safetensors"
        write_file(os.path.join(folder, file), part)
        for name, _, values in part:
            weight_map[name] = file
            total += 2 * len(values)
    with open(os.path.join(folder, "model.safetensors.index.json"), "w") as out:
        json.dump({"metadata": {"total_size": total}, "weight_map": weight_map}, out, indent=2, sort_keys=True)
        out.write("\n")


def main():
    rng = random.Random(20251128)
    base = []
    for name, shape in shapes():
        count = shape[0] * (shape[1] if len(shape) > 1 else 1)
        if name.endswith("layernorm.weight") or name == "model.norm.weight":
            values = [1.0 + rng.gauss(0, 0.05) for _ in range(count)]
        else:
            values = [rng.gauss(0, 0.02) for _ in range(count)]
        base.append((name, shape, values))
    write_checkpoint("sft", base)
    # Each expert changes its own share of entries; a shared region is updated by all three,
    # with the code expert pulling the opposite way on part of it (sign conflicts).
    experts = [("rl-math", 0.20, 1.0, 1), ("rl-code", 0.30, -1.0, 2), ("rl-science", 0.15, 1.0, 1)]
    for expert, share, shared_sign, shards in experts:
        local = random.Random(f"{expert}-20251128")
        tensors = []
        for name, shape, values in base:
            changed = []
            for index, value in enumerate(values):
                if index % 10 == 0:
                    value += shared_sign * (0.002 + 0.001 * local.random())
                elif local.random() < share:
                    value += local.gauss(0, 0.004)
                changed.append(value)
            tensors.append((name, shape, changed))
        write_checkpoint(expert, tensors, shards)


if __name__ == "__main__":
    main()
