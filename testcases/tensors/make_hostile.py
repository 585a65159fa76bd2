#!/usr/bin/env python3
"""Writes the hostile (and a few valid-but-unusual) safetensors files and hostile.jsonl.

    python3 testcases/tensors/make_hostile.py           # rewrites hostile/ and hostile.jsonl
    python3 testcases/tensors/make_hostile.py --check   # also reads every file with the NumPy reader
                                                        # of scripts/conformance (needs numpy)
    python3 testcases/tensors/make_hostile.py --check --m2rl .build/debug/m2rl
                                                        # and through `m2rl merge` (linear of the file alone)

Every row of docs/merge.md's validation table has at least one file, plus a header length larger
than the file, shape products that overflow 64 bits, files whose tensors are unaligned or empty
(valid, `"error": null`) and a valid file with `__metadata__`. Each line of hostile.jsonl:

    {"file": "hostile/NAME.safetensors", "error": "<substring of the error>" | null,
     "tensor": "<the tensor the error must name>" | null, "why": "...",
     "expect": {"metadata": {...}, "tensors": {name: {"dtype", "shape", "values"}}}   (valid files)}

`values` are the stored values, row-major, as JSON numbers (exact for every dtype used here).
Python 3 standard library only; the output is byte-identical on every run.
"""
import json
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "hostile")

CASES = []


def add(name, data, error, tensor=None, why="", expect=None):
    CASES.append({"name": name, "data": data, "error": error, "tensor": tensor, "why": why, "expect": expect})


def st(header_text, buffer=b"", length=None):
    """A file from raw header text (str or bytes), a data buffer and an optional forged length."""
    raw = header_text.encode("utf-8") if isinstance(header_text, str) else header_text
    n = len(raw) if length is None else length
    return struct.pack("<Q", n) + raw + buffer


def hdr(entries, pad=True):
    text = json.dumps(entries, separators=(",", ":"))
    if pad:
        text += " " * ((-len(text)) % 8)
    return text


F32_4 = struct.pack("<4f", 1.0, -2.0, 0.5, 3.25)  # 16 bytes
ok_entry = {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 16]}

# --- header length -----------------------------------------------------------------------------
add("empty", b"", "header length missing", why="0 bytes: no 8-byte header length")
add("short-7-bytes", b"\x10\x00\x00\x00\x00\x00\x00", "header length missing", why="7 bytes, fewer than 8")
add("header-length-over-limit", st(hdr({"w": ok_entry}), F32_4, length=100_000_001),
    "header length 100000001 exceeds", why="N = 100,000,001 is above the 100,000,000 limit (and the file)")
small = st(hdr({"w": ok_entry}), F32_4)
add("header-length-past-eof", struct.pack("<Q", len(small)) + small[8:], f"header length {len(small)} exceeds",
    why="header length larger than the whole file (8 + N > file size)")
hdr_only = st(hdr({}))  # "{}" + 6 spaces: N = 8, no data
add("header-length-one-past", struct.pack("<Q", len(hdr_only) - 7) + hdr_only[8:], f"header length {len(hdr_only) - 7} exceeds",
    why="8 + N is the file size plus one (off by one)")
add("header-length-huge", struct.pack("<Q", 2 ** 64 - 1) + small[8:], "header length 18446744073709551615 exceeds",
    why="header length 2^64-1: must not wrap when 8 is added")

# --- invalid header ----------------------------------------------------------------------------
add("header-not-utf8", st(b'{"w\xff":' + json.dumps(ok_entry).encode() + b"}", F32_4), "invalid header",
    why="a tensor name with the byte 0xFF: not UTF-8")
add("header-not-json", st('{"w": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 16]}', F32_4), "invalid header",
    why="the JSON object is not closed")
add("header-array", st("[1, 2, 3]"), "invalid header", why="the header is a JSON array, not an object")
add("header-string", st('"F32"'), "invalid header", why="the header is a JSON string, not an object")
add("header-trailing-garbage", st(hdr({"w": ok_entry}, pad=False) + " x", F32_4), "invalid header",
    why="text after the JSON object (only whitespace padding is allowed)")
add("header-nul-padding", st(hdr({"w": ok_entry}, pad=False).encode() + b"\x00\x00\x00", F32_4), "invalid header",
    why="padded with NUL bytes instead of spaces: not JSON")
add("entry-not-object", st(hdr({"w": 5})), "invalid header", "w", why="a tensor entry that is a number")
add("entry-missing-offsets", st(hdr({"w": {"dtype": "F32", "shape": [2, 2]}}), F32_4), "invalid header", "w",
    why="no data_offsets")
add("entry-missing-dtype", st(hdr({"w": {"shape": [2, 2], "data_offsets": [0, 16]}}), F32_4), "invalid header", "w",
    why="no dtype")
add("entry-extra-key", st(hdr({"w": dict(ok_entry, offset=0)}), F32_4), "invalid header", "w",
    why="a key besides dtype, shape and data_offsets")
add("dtype-not-string", st(hdr({"w": dict(ok_entry, dtype=4)}), F32_4), "invalid header", "w",
    why="dtype is a number")
add("shape-not-array", st(hdr({"w": dict(ok_entry, shape=4)}), F32_4), "invalid header", "w",
    why="shape is a number, not a list")
add("shape-string-dim", st(hdr({"w": dict(ok_entry, shape=[2, "2"])}), F32_4), "invalid header", "w",
    why="a dimension that is a string")
add("shape-fraction-dim", st(hdr({"w": dict(ok_entry, shape=[2.5, 2])}), F32_4), "invalid header", "w",
    why="a dimension 2.5: not an integer (nothing overflows)")
add("metadata-not-string", st(hdr({"__metadata__": {"format": 1}, "w": ok_entry}), F32_4), "invalid header",
    why="__metadata__ maps a key to a number; it must be string to string")
add("metadata-not-object", st(hdr({"__metadata__": ["pt"], "w": ok_entry}), F32_4), "invalid header",
    why="__metadata__ is a list")

# --- unknown dtype ----------------------------------------------------------------------------
add("unknown-dtype", st(hdr({"w": dict(ok_entry, dtype="Q4_0")}), F32_4), "unknown dtype", "w",
    why="Q4_0 is not a safetensors dtype")
add("unknown-dtype-lowercase", st(hdr({"w": dict(ok_entry, dtype="f32")}), F32_4), "unknown dtype", "w",
    why="dtype names are case-sensitive: f32 is not F32")
add("unknown-dtype-f8", st(hdr({"w": {"dtype": "F8_E4M3", "shape": [4], "data_offsets": [0, 4]}}), b"\x00" * 4),
    "unknown dtype", "w", why="F8_E4M3 is outside the contract's list (m2rl does not merge it)")

# --- shape overflows --------------------------------------------------------------------------
add("shape-negative-dim", st(hdr({"w": dict(ok_entry, shape=[-2, -2])}), F32_4), "shape overflows", "w",
    why="negative dimensions (their product, 4, would match the span)")
add("shape-product-overflow", st(hdr({"w": {"dtype": "U8", "shape": [2 ** 32, 2 ** 32], "data_offsets": [0, 16]}}), F32_4),
    "shape overflows", "w", why="2^32 x 2^32 elements: the element count overflows 64 bits")
add("shape-bytes-overflow", st(hdr({"w": {"dtype": "F32", "shape": [2 ** 62], "data_offsets": [0, 16]}}), F32_4),
    "shape overflows", "w", why="2^62 elements fit, but 2^62 x 4 bytes overflows 64 bits")
add("shape-product-wraps-to-small", st(hdr({"w": {"dtype": "F32", "shape": [2 ** 32, 2 ** 32 + 1], "data_offsets": [0, 16]}}), F32_4),
    "shape overflows", "w", why="the product wraps modulo 2^64 to 2^32: a parser that wraps would see a plausible size")
add("shape-dim-beyond-64-bits", st(hdr({"w": {"dtype": "F32", "shape": [2 ** 64 + 1], "data_offsets": [0, 16]}}), F32_4),
    "shape overflows", "w", why="a dimension of 2^64+1 does not fit in 64 bits")

# --- invalid offsets --------------------------------------------------------------------------
add("offsets-reversed", st(hdr({"w": dict(ok_entry, data_offsets=[16, 0])}), F32_4), "invalid offsets", "w",
    why="begin > end")
add("offsets-three", st(hdr({"w": dict(ok_entry, data_offsets=[0, 8, 16])}), F32_4), "invalid offsets", "w",
    why="three offsets")
add("offsets-one", st(hdr({"w": dict(ok_entry, data_offsets=[16])}), F32_4), "invalid offsets", "w",
    why="one offset")
add("offsets-negative", st(hdr({"w": dict(ok_entry, data_offsets=[-16, 0])}), F32_4), "invalid offsets", "w",
    why="a negative begin")
add("offsets-not-list", st(hdr({"w": dict(ok_entry, data_offsets="0-16")}), F32_4), "invalid offsets", "w",
    why="data_offsets is a string")

# --- span, hole, overlap, buffer length -------------------------------------------------------
add("span-mismatch", st(hdr({"w": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 16]}}), F32_4),
    "span does not match shape", "w", why="shape [2, 3] of F32 needs 24 bytes, the offsets give 16")
add("span-mismatch-dtype", st(hdr({"w": {"dtype": "BF16", "shape": [2, 2], "data_offsets": [0, 16]}}), F32_4),
    "span does not match shape", "w", why="BF16 [2, 2] needs 8 bytes, the offsets give 16")
add("hole-between", st(hdr({"a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]},
                            "b": {"dtype": "F32", "shape": [2], "data_offsets": [8, 16]}}), F32_4),
    "hole", "b", why="bytes 4..<8 belong to no tensor")
add("hole-at-start", st(hdr({"b": {"dtype": "F32", "shape": [3], "data_offsets": [4, 16]}}), F32_4),
    "hole", "b", why="the first tensor starts at byte 4, not 0")
add("overlap", st(hdr({"a": {"dtype": "F32", "shape": [3], "data_offsets": [0, 12]},
                       "b": {"dtype": "F32", "shape": [2], "data_offsets": [8, 16]}}), F32_4),
    "overlap", "b", why="b starts at 8, inside a (0..<12)")
add("overlap-same-range", st(hdr({"a": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]},
                                  "b": {"dtype": "I32", "shape": [4], "data_offsets": [0, 16]}}), F32_4),
    "overlap", "b", why="two tensors on the same bytes (aliasing)")
add("buffer-longer", st(hdr({"w": ok_entry}), F32_4 + b"\x00" * 8), "buffer length",
    why="8 bytes after the last tensor")
add("buffer-shorter", st(hdr({"w": ok_entry}), F32_4[:10]), "buffer length",
    why="the file ends inside the tensor (a truncated download)")
add("buffer-shorter-empty-data", st(hdr({"w": ok_entry})), "buffer length",
    why="the header promises 16 bytes and the file ends right after it")

# --- duplicate tensor -------------------------------------------------------------------------
e1 = json.dumps({"dtype": "F32", "shape": [2], "data_offsets": [0, 8]})
e2 = json.dumps({"dtype": "F32", "shape": [2], "data_offsets": [8, 16]})
add("duplicate-tensor", st('{"w":' + e1 + ',"w":' + e2 + "}", F32_4), "duplicate tensor", "w",
    why="the name w twice (a JSON parser would silently keep one)")
add("duplicate-tensor-escaped", st('{"w":' + e1 + ',"\\u0077":' + e2 + "}", F32_4), "duplicate tensor", "w",
    why="w and \\u0077 are the same name once unescaped")


# --- valid files --------------------------------------------------------------------------------
def valid(name, entries, buffers, metadata=None, pad=True, why="", values=None):
    header = {}
    if metadata is not None:
        header["__metadata__"] = metadata
    offset = 0
    for (tname, dtype, shape), data in zip(entries, buffers):
        header[tname] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False)
    if pad == "odd":
        text += " " * ((1 - len(text.encode())) % 8)
    elif pad:
        text += " " * ((-len(text.encode())) % 8)
    expect = {"metadata": metadata or {}, "tensors": {}}
    for (tname, dtype, shape), vals in zip(entries, values):
        expect["tensors"][tname] = {"dtype": dtype, "shape": shape, "values": vals}
    add(name, st(text, b"".join(buffers)), None, why=why, expect=expect)


def bf16(x):
    return struct.unpack("<I", struct.pack("<f", x))[0] >> 16  # only exact values are used


u8 = [7, 0, 255]
f32 = [1.5, -0.25, 3.0e-39, 65504.0]  # 3e-39 is an F32 subnormal (stored exactly as the nearest F32)
f32_exact = [struct.unpack("<f", struct.pack("<f", v))[0] for v in f32]
bf = [1.0, -2.5, 0.0078125]
f64 = [0.1]
i64 = [-(2 ** 63), 2 ** 63 - 1]
f16 = [0.5, -65504.0, 6.103515625e-05]
valid("valid-unaligned",
      [("bytes", "U8", [3]), ("f32", "F32", [2, 2]), ("bf16", "BF16", [3]), ("f64", "F64", [1]), ("i64", "I64", [2]),
       ("f16", "F16", [3]), ("flag", "BOOL", [2])],
      [bytes(u8), struct.pack("<4f", *f32), struct.pack("<3H", *[bf16(v) for v in bf]), struct.pack("<d", *f64),
       struct.pack("<2q", *i64), struct.pack("<3e", *f16), b"\x01\x00"],
      pad="odd", why="every tensor at an odd address (U8 of 3 bytes first, header of odd length): valid, "
                     "must be read byte by byte where needed",
      values=[u8, f32_exact, bf, f64, i64, f16, [True, False]])
valid("valid-metadata", [("model.norm.weight", "F32", [2])], [struct.pack("<2f", 1.0, 0.5)],
      metadata={"format": "pt", "note": "m\u00e9tadonn\u00e9es \u2713", "empty": ""},
      why="__metadata__ (string to string, non-ASCII) is kept and written back", values=[[1.0, 0.5]])
valid("valid-empty-header", [], [], why="{} and no data: a file with no tensors", values=[])
valid("valid-metadata-only", [], [], metadata={"format": "pt"}, why="only __metadata__, no tensors", values=[])
valid("valid-zero-size-and-scalar", [("empty", "F32", [0, 4]), ("scalar", "F32", []), ("also-empty", "BF16", [3, 0])],
      [b"", struct.pack("<f", 2.0), b""],
      why="zero-element tensors (offsets [0, 0] and [4, 4]) and a 0-d scalar of one element",
      values=[[], [2.0], []])


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".safetensors"):
            os.remove(os.path.join(OUT, f))
    lines = []
    for c in CASES:
        path = os.path.join(OUT, c["name"] + ".safetensors")
        with open(path, "wb") as fh:
            fh.write(c["data"])
        row = {"file": "hostile/" + c["name"] + ".safetensors", "error": c["error"], "tensor": c["tensor"], "why": c["why"]}
        if c["expect"] is not None:
            row["expect"] = c["expect"]
        lines.append(json.dumps(row, ensure_ascii=False))
    with open(os.path.join(HERE, "hostile.jsonl"), "w") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"wrote {len(CASES)} files into {OUT} and hostile.jsonl")
    if "--check" in sys.argv:
        status = check()
        if "--m2rl" in sys.argv:
            status |= check_m2rl(sys.argv[sys.argv.index("--m2rl") + 1])
        sys.exit(status)


def decode(tensors):
    """Tensors read by scripts/conformance/safetensors_np.py (callers put it on sys.path) as
    hostile.jsonl's expect["tensors"] writes them: {name: {"dtype", "shape", "values"}}, BF16 as
    its values, BOOL as true/false."""
    from safetensors_np import bf16_bits_to_f32
    got = {}
    for t in tensors:
        vals = (bf16_bits_to_f32(t.array) if t.dtype == "BF16" else t.array).ravel()
        values = [bool(v) for v in vals] if t.dtype == "BOOL" else [v.item() for v in vals]
        got[t.name] = {"dtype": t.dtype, "shape": t.shape, "values": values}
    return got


def check():
    """Every file against the independent NumPy reader of scripts/conformance."""
    sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts", "conformance"))
    from safetensors_np import SafetensorsError, read_safetensors
    bad = 0
    for c in CASES:
        path = os.path.join(OUT, c["name"] + ".safetensors")
        try:
            tensors, metadata, _ = read_safetensors(path)
            err = None
        except SafetensorsError as e:
            err = str(e)
        if c["error"] is None:
            if err is not None:
                print(f"FAIL {c['name']}: valid file rejected: {err}"); bad += 1; continue
            exp = c["expect"]
            got = decode(tensors)
            if got != exp["tensors"] or metadata != exp["metadata"]:
                print(f"FAIL {c['name']}: read {got} {metadata}, expected {exp}"); bad += 1
        elif err is None or c["error"] not in err or (c["tensor"] and c["tensor"] not in err):
            print(f"FAIL {c['name']}: expected {c['error']!r} (tensor {c['tensor']}), got {err!r}"); bad += 1
    print("check:", "all files behave as listed" if not bad else f"{bad} failure(s)")
    return 1 if bad else 0


def check_m2rl(binary):
    """Every file through `m2rl merge` (linear of the file alone, F64 working dtype, so the output
    holds the stored values): errors must contain the listed text and tensor, valid files must
    come back with their values."""
    import shutil
    import subprocess
    import tempfile
    sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts", "conformance"))
    from safetensors_np import read_safetensors
    bad = 0
    work = tempfile.mkdtemp(prefix="m2rl-hostile-")
    try:
        for c in CASES:
            d = os.path.join(work, c["name"])
            os.makedirs(os.path.join(d, "m"))
            shutil.copy(os.path.join(OUT, c["name"] + ".safetensors"), os.path.join(d, "m", "model.safetensors"))
            with open(os.path.join(d, "m", "config.json"), "w") as fh:
                fh.write("{}")
            with open(os.path.join(d, "c.yaml"), "w") as fh:
                fh.write("merge_method: linear\ndtype: float64\nmodels:\n  - model: ./m\n")
            p = subprocess.run([os.path.abspath(binary), "merge", os.path.join(d, "c.yaml"), "-o", os.path.join(d, "out")],
                               capture_output=True, text=True)
            err = p.stderr.strip()
            if c["error"] is None:
                if p.returncode != 0:
                    print(f"m2rl FAIL {c['name']}: valid file rejected: {err}"); bad += 1; continue
                out = os.path.join(d, "out", "model.safetensors")
                got = decode(read_safetensors(out)[0]) if os.path.exists(out) else {}
                if got != c["expect"]["tensors"]:
                    print(f"m2rl FAIL {c['name']}: wrote {got}, expected {c['expect']['tensors']}"); bad += 1
            elif p.returncode == 0 or c["error"] not in err or (c["tensor"] and c["tensor"] not in err):
                print(f"m2rl FAIL {c['name']}: expected {c['error']!r} (tensor {c['tensor']}), got: {err}"); bad += 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("m2rl check:", "all files behave as listed" if not bad else f"{bad} failure(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    main()
