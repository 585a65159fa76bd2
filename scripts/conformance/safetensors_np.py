"""A small, independent safetensors reader/writer in NumPy, for the merge conformance check.

Written from docs/merge.md (the safetensors layout and its validation table), not from any other
implementation. The reader validates every file like the contract says; the writer pads the header
with spaces so the data starts at a multiple of 8. BF16 is handled as uint16 bit patterns;
conversions to BF16/F16/F32 round to nearest, ties to even, in a single rounding.
"""
import json
import os
import struct
from collections import OrderedDict

import numpy as np

DTYPE_SIZE = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1,
              "U64": 8, "U32": 4, "U16": 2, "U8": 1, "BOOL": 1}
NUMPY = {"F64": "<f8", "F32": "<f4", "F16": "<f2", "BF16": "<u2", "I64": "<i8", "I32": "<i4",
         "I16": "<i2", "I8": "i1", "U64": "<u8", "U32": "<u4", "U16": "<u2", "U8": "u1", "BOOL": "u1"}
FLOATING = ("F64", "F32", "F16", "BF16")
CONFIG_NAMES = {"float32": "F32", "float64": "F64", "float16": "F16", "bfloat16": "BF16",
                "fp32": "F32", "fp16": "F16", "bf16": "BF16", "f32": "F32", "f64": "F64",
                "f16": "F16", "half": "F16", "float": "F32", "double": "F64"}
TORCH_NAMES = {"F32": "float32", "F64": "float64", "F16": "float16", "BF16": "bfloat16"}


class SafetensorsError(Exception):
    pass


# ----------------------------------------------------------------------------- conversions

def bf16_bits_to_f32(bits):
    return (np.asarray(bits, dtype=np.uint16).astype(np.uint32) << np.uint32(16)).view(np.float32)


def f32_to_bf16_bits(x):
    """F32 -> BF16 bit patterns, round to nearest, ties to even; NaN stays a quiet NaN."""
    x = np.ascontiguousarray(x, dtype=np.float32)
    u = x.view(np.uint32)
    lsb = (u >> np.uint32(16)) & np.uint32(1)
    rounded = ((u + np.uint32(0x7FFF) + lsb) >> np.uint32(16)).astype(np.uint16)
    nan = np.isnan(x)
    if nan.any():
        rounded = np.where(nan, ((u >> np.uint32(16)) | np.uint32(0x0040)).astype(np.uint16), rounded)
    return rounded.astype(np.uint16)


def f64_to_bf16_bits(x):
    """F64 -> BF16 in one rounding (not through F32, which could round twice)."""
    x = np.ascontiguousarray(x, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        f = x.astype(np.float32)
        # F32 truncated toward zero: step back when rounding went away from zero.
        away = np.isfinite(x) & (np.abs(f.astype(np.float64)) > np.abs(x))
        f = np.where(away, np.nextafter(f, np.float32(0)), f).astype(np.float32)
        lo_bits = f.view(np.uint32) & np.uint32(0xFFFF0000)
        lo = lo_bits.view(np.float32).astype(np.float64)
        # One BF16 step away from zero (2**(e-7) of lo's exponent, subnormals 2**-133).
        exp = ((lo_bits >> np.uint32(23)) & np.uint32(0xFF)).astype(np.int64)
        step = np.ldexp(1.0, np.maximum(exp, 1) - 127 - 7)
        mid = np.abs(lo) + step / 2
        ax = np.abs(x)
        up = (ax > mid) | ((ax == mid) & (((lo_bits >> np.uint32(16)) & np.uint32(1)) == 1))
        out = ((lo_bits >> np.uint32(16)) + up.astype(np.uint32)).astype(np.uint16)
        nan = np.isnan(x)
        if nan.any():
            qb = (f.view(np.uint32) >> np.uint32(16)) | np.uint32(0x0040)
            out = np.where(nan, qb.astype(np.uint16), out)
        inf = np.isinf(x)
        out = np.where(inf, np.where(x > 0, np.uint16(0x7F80), np.uint16(0xFF80)), out)
    return out.astype(np.uint16)


def to_working(dtype, stored, working=np.float32):
    """Stored values (as read) to the working dtype, exactly."""
    if dtype == "BF16":
        return bf16_bits_to_f32(stored).astype(working)
    return stored.astype(working)


def from_working(values, dtype):
    """Working values (F32 or F64) to a stored dtype, one rounding to nearest even."""
    if dtype == "BF16":
        return f64_to_bf16_bits(values) if values.dtype == np.float64 else f32_to_bf16_bits(values)
    if dtype == "F16":
        return values.astype(np.float16)  # NumPy rounds F32/F64 -> F16 once, to nearest even
    if dtype == "F32":
        return values.astype(np.float32)
    if dtype == "F64":
        return values.astype(np.float64)
    raise ValueError(dtype)


def stored_bits(dtype, array):
    """Bit patterns for exact comparison."""
    width = {8: np.uint64, 4: np.uint32, 2: np.uint16, 1: np.uint8}[DTYPE_SIZE[dtype]]
    return np.ascontiguousarray(array).view(width)


# ----------------------------------------------------------------------------- reading

class Tensor:
    __slots__ = ("name", "dtype", "shape", "begin", "end", "array")

    def __init__(self, name, dtype, shape, begin, end, array):
        self.name, self.dtype, self.shape, self.begin, self.end, self.array = name, dtype, shape, begin, end, array


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def read_safetensors(path):
    """Returns (tensors in data order: list[Tensor], metadata dict, data_start). Raises SafetensorsError."""
    with open(path, "rb") as fh:
        blob = fh.read()
    fail = lambda msg, tensor=None: SafetensorsError(f"{path}: {msg}" + (f" (tensor {tensor})" if tensor else ""))
    if len(blob) < 8:
        raise fail(f"header length missing: {len(blob)} bytes")
    n = struct.unpack("<Q", blob[:8])[0]
    if n > 100_000_000 or 8 + n > len(blob):
        raise fail(f"header length {n} exceeds the file ({len(blob)} bytes) or the limit")
    raw = blob[8:8 + n]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise fail("invalid header: not UTF-8")
    pairs_seen = []

    def hook(pairs):
        pairs_seen.append(pairs)
        return OrderedDict(pairs)
    try:
        header = json.loads(text, object_pairs_hook=hook)
    except ValueError as e:
        raise fail(f"invalid header: {e}")
    if not isinstance(header, dict):
        raise fail("invalid header: not an object")
    top_pairs = pairs_seen[-1]
    names = [k for k, _ in top_pairs]
    seen = set()
    for k in names:
        if k in seen:
            raise fail("duplicate tensor", k)
        seen.add(k)
    metadata = {}
    tensors = []
    for name, entry in top_pairs:
        if name == "__metadata__":
            if not isinstance(entry, dict) or not all(isinstance(v, str) for v in entry.values()):
                raise fail("invalid header: __metadata__ must map strings to strings")
            metadata = dict(entry)
            continue
        if not isinstance(entry, dict) or set(entry) != {"dtype", "shape", "data_offsets"}:
            raise fail("invalid header: entry must be {dtype, shape, data_offsets}", name)
        dtype, shape, offsets = entry["dtype"], entry["shape"], entry["data_offsets"]
        if not isinstance(dtype, str) or not isinstance(shape, list) or not all(_is_int(d) for d in shape):
            raise fail("invalid header: dtype must be a string and shape a list of integers", name)
        if dtype not in DTYPE_SIZE:
            raise fail(f"unknown dtype {dtype}", name)
        count = 1
        for d in shape:
            if d < 0:
                raise fail("shape overflows (negative dimension)", name)
            count *= d
        if count * DTYPE_SIZE[dtype] >= 2 ** 64:
            raise fail("shape overflows", name)
        if (not isinstance(offsets, list) or len(offsets) != 2 or not all(_is_int(o) for o in offsets)
                or offsets[0] < 0 or offsets[0] > offsets[1]):
            raise fail("invalid offsets", name)
        if offsets[1] - offsets[0] != count * DTYPE_SIZE[dtype]:
            raise fail("span does not match shape", name)
        tensors.append(Tensor(name, dtype, list(shape), offsets[0], offsets[1], None))
    tensors.sort(key=lambda t: (t.begin, t.end))
    position = 0
    for t in tensors:
        if t.begin > position:
            raise fail("hole before tensor", t.name)
        if t.begin < position:
            raise fail("overlap", t.name)
        position = t.end
    buffer = len(blob) - 8 - n
    if position != buffer:
        raise fail(f"buffer length {buffer} != {position}")
    start = 8 + n
    for t in tensors:
        data = blob[start + t.begin:start + t.end]
        t.array = np.frombuffer(data, dtype=NUMPY[t.dtype]).reshape(t.shape).copy()
    return tensors, metadata, start


def load_checkpoint(folder):
    """OrderedDict name -> Tensor (in base file order: single file data order, or index order of shards)."""
    index = os.path.join(folder, "model.safetensors.index.json")
    out = OrderedDict()
    if os.path.exists(index):
        with open(index) as fh:
            idx = json.load(fh)
        weight_map = idx["weight_map"]
        files = []
        for f in weight_map.values():
            if f not in files:
                files.append(f)
        for f in files:
            tensors, _, _ = read_safetensors(os.path.join(folder, f))
            listed = {k for k, v in weight_map.items() if v == f}
            names = {t.name for t in tensors}
            if names != listed:
                raise SafetensorsError(f"{f}: tensors {sorted(names ^ listed)} disagree with the index")
            for t in tensors:
                if t.name in out:
                    raise SafetensorsError(f"{t.name} in two shards")
                out[t.name] = t
        return out
    tensors, _, _ = read_safetensors(os.path.join(folder, "model.safetensors"))
    for t in tensors:
        out[t.name] = t
    return out


# ----------------------------------------------------------------------------- writing

def safetensors_bytes(tensors, metadata=None, align_header=True):
    """tensors: list of (name, dtype, ndarray of stored values) in data order."""
    header = OrderedDict()
    if metadata is not None:
        header["__metadata__"] = metadata
    offset = 0
    chunks = []
    for name, dtype, array in tensors:
        data = np.ascontiguousarray(array, dtype=NUMPY[dtype]).tobytes()
        header[name] = {"dtype": dtype, "shape": list(array.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        chunks.append(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    if align_header == "odd":  # data starting at an odd offset: every tensor unaligned
        text += b" " * ((1 - len(text)) % 8)
    elif align_header:
        text += b" " * ((-len(text)) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(chunks)


def save_checkpoint(folder, tensors, shards=1, config=None, extra_files=None, align_header=True):
    """tensors: list of (name, dtype, stored ndarray). shards > 1 writes an index."""
    os.makedirs(folder, exist_ok=True)
    if shards == 1:
        with open(os.path.join(folder, "model.safetensors"), "wb") as fh:
            fh.write(safetensors_bytes(tensors, {"format": "pt"}, align_header))
    else:
        per = -(-len(tensors) // shards)
        weight_map = OrderedDict()
        total = 0
        for s in range(shards):
            part = tensors[s * per:(s + 1) * per]
            fname = f"model-{s + 1:05d}-of-{shards:05d}.safetensors"
            with open(os.path.join(folder, fname), "wb") as fh:
                fh.write(safetensors_bytes(part, {"format": "pt"}))
            for name, dtype, array in part:
                weight_map[name] = fname
                total += array.size * DTYPE_SIZE[dtype]
        with open(os.path.join(folder, "model.safetensors.index.json"), "w") as fh:
            json.dump({"metadata": {"total_size": total}, "weight_map": weight_map}, fh, indent=2)
    if config is not None:
        with open(os.path.join(folder, "config.json"), "w") as fh:
            json.dump(config, fh, indent=2)
    for fname, content in (extra_files or {}).items():
        with open(os.path.join(folder, fname), "w") as fh:
            fh.write(content)
