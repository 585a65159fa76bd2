#!/usr/bin/env python3
"""Writes the dataset fixtures of testcases/datasets/ and their manifest.

    python3 testcases/datasets/make_archives.py            # (re)write everything
    python3 testcases/datasets/make_archives.py --check    # also run every sample solution
                                                           # and list every archive with
                                                           # tarfile/zipfile and bsdtar

Python 3 standard library only, plus the `zstd` command-line tool for .zst files (Debian:
`apt-get install zstd`). Deterministic: fixed mtimes, uid/gid 0, sorted entries, gzip
headers without time or name, seeded random generators, `zstd --single-thread`; two runs with
the same zstd version give byte-identical files.

Every problem text here is made up for these fixtures; none is taken from a public dataset.
Rows are shaped like the public datasets named in each adapter file (column names, nesting,
encodings), as README.md explains. Expectations (manifest.json) are worked out by
construction from the interface of the datasets feature; where it is silent, the choice is
written in the entry's "notes".
"""

import argparse
import base64
import bz2
import gzip
import io
import json
import lzma
import os
import pickle
import random
import shutil
import subprocess
import sys
import tarfile
import zipfile
import zlib
from fractions import Fraction
from math import comb, gcd

HERE = os.path.dirname(os.path.abspath(__file__))
MTIME = 1704067200                      # 2024-01-01T00:00:00Z, every tar entry
ZIP_TIME = (2024, 1, 1, 0, 0, 0)        # every zip entry
MIB = 1 << 20

MANIFEST = []                           # one dict per written data file


# ---------------------------------------------------------------------------------------------
# Writing helpers
# ---------------------------------------------------------------------------------------------

def path_of(rel):
    return os.path.join(HERE, rel)


def write(rel, data):
    p = path_of(rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(data)


def jline(obj):
    """One JSON Lines record (compact, UTF-8, key order as given)."""
    return (json.dumps(obj, ensure_ascii=False, separators=(", ", ": ")) + "\n").encode("utf-8")


def jlines(objs):
    return b"".join(jline(o) for o in objs)


def pandas_line(obj):
    """A record as pandas' `to_json(orient="records", lines=True)` (and so `datasets`) writes
    it: ASCII only (\\uXXXX escapes) and every "/" escaped as "\\/"."""
    text = json.dumps(obj, ensure_ascii=True, separators=(",", ":"))
    return (text.replace("/", "\\/") + "\n").encode("ascii")


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as f:
        f.write(data)
    return buf.getvalue()


def gz_stream(chunks):
    """gzip of the concatenation of `chunks` (an iterable of bytes), without holding it all."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as f:
        for c in chunks:
            f.write(c)
    return buf.getvalue()


def bz(data):
    return bz2.compress(data, 9)


def xz(data):
    return lzma.compress(data, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC64, preset=6)


def zstd_available():
    return shutil.which("zstd") is not None


def zst(data=None, chunks=None, level=19):
    """zstd of `data` (bytes) or of the concatenation of `chunks`, through the zstd CLI."""
    if not zstd_available():
        sys.exit("make_archives.py: the `zstd` command is missing (Debian: apt-get install -y zstd); "
                 "it writes the .zst fixtures")
    cmd = ["zstd", "-q", "-c", "--single-thread", f"-{level}", "-"]
    if chunks is None:
        return subprocess.run(cmd, input=data, stdout=subprocess.PIPE, check=True).stdout
    out = io.BytesIO()
    import tempfile
    with tempfile.TemporaryFile() as sink:
        p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=sink)
        for c in chunks:
            p.stdin.write(c)
        p.stdin.close()
        if p.wait() != 0:
            sys.exit("make_archives.py: zstd failed")
        sink.seek(0)
        out.write(sink.read())
    return out.getvalue()


# Tar members: dicts {"name", "type", "data", "linkname", "devmajor", "devminor", "mode"}.
TYPES = {"file": tarfile.REGTYPE, "dir": tarfile.DIRTYPE, "symlink": tarfile.SYMTYPE,
         "hardlink": tarfile.LNKTYPE, "chr": tarfile.CHRTYPE, "blk": tarfile.BLKTYPE,
         "fifo": tarfile.FIFOTYPE}


def F(name, data):
    return {"name": name, "type": "file", "data": data}


def D(name):
    return {"name": name, "type": "dir"}


def L(name, target):
    return {"name": name, "type": "symlink", "linkname": target}


def H(name, target):
    return {"name": name, "type": "hardlink", "linkname": target}


def tar_bytes(members, fmt=tarfile.USTAR_FORMAT):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as tf:
        for m in members:
            ti = tarfile.TarInfo(m["name"])
            ti.type = TYPES[m["type"]]
            ti.mtime = MTIME
            ti.uid = ti.gid = 0
            ti.uname = ti.gname = "root"
            ti.mode = m.get("mode", 0o755 if m["type"] == "dir" else 0o777 if m["type"] == "symlink" else 0o644)
            if m["type"] in ("symlink", "hardlink"):
                ti.linkname = m["linkname"]
            if m["type"] in ("chr", "blk"):
                ti.devmajor, ti.devminor = m["devmajor"], m["devminor"]
            if m["type"] == "file":
                ti.size = len(m["data"])
                tf.addfile(ti, io.BytesIO(m["data"]))
            else:
                tf.addfile(ti)
    return buf.getvalue()


def zip_bytes(members, method=zipfile.ZIP_DEFLATED):
    """members: (name, data) for files, (name, None) for directories, or dicts with "symlink"."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for m in members:
            if isinstance(m, dict):                      # a Unix symlink entry
                zi = zipfile.ZipInfo(m["name"], ZIP_TIME)
                zi.create_system = 3
                zi.external_attr = (0o120777 << 16)
                z.writestr(zi, m["symlink"].encode(), compress_type=zipfile.ZIP_STORED)
                continue
            name, data = m
            zi = zipfile.ZipInfo(name, ZIP_TIME)
            zi.create_system = 3
            if data is None:
                zi.external_attr = (0o40755 << 16) | 0x10
                z.writestr(zi, b"", compress_type=zipfile.ZIP_STORED)
            else:
                zi.external_attr = (0o100644 << 16)
                z.writestr(zi, data, compress_type=method, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)
    return buf.getvalue()


def cpio_newc(members):
    """A cpio archive in the SVR4 "newc" format (what libarchive calls cpio newc).
    members: (name, mode, data)."""
    out = bytearray()

    def pad4(n):
        return (4 - n % 4) % 4

    for ino, (name, mode, data) in enumerate(list(members) + [("TRAILER!!!", 0, b"")], start=1):
        nb = name.encode() + b"\0"
        fields = [ino if name != "TRAILER!!!" else 0, mode, 0, 0, 1 if name != "TRAILER!!!" else 0, MTIME if name != "TRAILER!!!" else 0,
                  len(data), 0, 0, 0, 0, len(nb), 0]
        hdr = b"070701" + b"".join(b"%08X" % v for v in fields)
        out += hdr + nb + b"\0" * pad4(len(hdr) + len(nb))
        out += data + b"\0" * pad4(len(data))
    return bytes(out)


def add(entry):
    MANIFEST.append(entry)
    return entry


def loc(path, entry=None, line=None, index=None):
    """A record location as the interface spells it, with $FILE standing for the path given to
    m2rl: $FILE:LINE, $FILE!ENTRY:LINE, $FILE:[INDEX], $FILE!ENTRY:[INDEX]."""
    where = f":{line}" if index is None else f":[{index}]"
    return "$FILE" + (f"!{entry}" if entry is not None else "") + where


def domains_of(rows):
    d = {}
    for r in rows:
        if r["result"] == "converted":
            d[r["domain"]] = d.get(r["domain"], 0) + 1
    return dict(sorted(d.items()))


def counts(rows):
    conv = sum(1 for r in rows if r["result"] == "converted")
    rej = sum(1 for r in rows if r["result"] == "rejected")
    return {"records": conv + rej, "converted": conv, "rejected": rej, "domains": domains_of(rows)}


# ---------------------------------------------------------------------------------------------
# 1. Containers: the same six canonical problems in every container and compression
# ---------------------------------------------------------------------------------------------

CANON6 = [
    {"id": "c-math-1", "domain": "math", "prompt": "What is 12 + 30?", "answer": "42"},
    {"id": "c-math-2", "domain": "math", "prompt": "Write 6/8 as a fraction in lowest terms.",
     "answer": "\\frac{3}{4}", "verifier": {"preset": "math-verify"}},
    {"id": "c-code-1", "domain": "code", "prompt": "Read two integers on one line and print their product.",
     "tests": {"kind": "stdio", "language": "python",
               "cases": [{"input": "3 4\n", "output": "12\n"}, {"input": "-2 5\n", "output": "-10\n"}]}},
    {"id": "c-code-2", "domain": "code", "prompt": "Write a function double(x) that returns 2 * x.",
     "tests": {"kind": "call", "language": "python", "fn_name": "double",
               "cases": [{"args": [2], "expected": 4}, {"args": [-1], "expected": -2}]}},
    {"id": "c-sci-1", "domain": "science", "prompt": "Which gas do green plants take in for photosynthesis?",
     "choices": ["Oxygen", "Carbon dioxide", "Helium", "Neon"], "answer": "B"},
    {"id": "c-if-1", "domain": "instruction", "prompt": "Describe a kettle in two sentences, in lowercase letters only.",
     "instructions": [{"id": "change_case:english_lowercase", "kwargs": {}}]},
]


def canon_rows(path, entry=None, array=False, objs=CANON6, first_line=1):
    rows = []
    for i, o in enumerate(objs):
        rows.append({"location": loc(path, entry, index=i) if array else loc(path, entry, line=first_line + i),
                     "result": "converted", "adapter": "canonical", "domain": o["domain"], "expect": {"id": o["id"]}})
    return rows


def container(rel, rows, notes, extract=None, files=None, read_error=None, adapter=None, **extra):
    e = {"file": rel, "kind": "container"}
    if adapter:
        e["adapter"] = adapter
    e.update(counts(rows))
    e["read_error"] = read_error
    e["extract"] = extract if extract is not None else ({"ok": True, "files": files} if files is not None else {"ok": True})
    e["rows"] = rows
    e.update(extra)
    e["notes"] = notes
    return add(e)


def make_containers():
    J = jlines(CANON6)
    arr = (json.dumps(CANON6, ensure_ascii=False, indent=1) + "\n").encode()
    bare_note = ("A bare (compressed) file is one entry: locations are $FILE:LINE. Extraction: the "
                 "name of the one written file is not specified (libarchive calls a raw entry "
                 "'data'); check only that it succeeds.")
    d = "containers/"

    write(d + "problems.jsonl", J)
    container(d + "problems.jsonl", canon_rows(d + "problems.jsonl"), "Plain JSON Lines. " + bare_note)
    write(d + "problems.json", arr)
    container(d + "problems.json", canon_rows(d + "problems.json", array=True),
              "One JSON array (pretty-printed over many lines): locations $FILE:[INDEX], 0-based. " + bare_note)
    for ext, fn in ((".gz", gz), (".zst", zst), (".xz", xz), (".bz2", bz)):
        rel = d + "problems.jsonl" + ext
        write(rel, fn(J))
        container(rel, canon_rows(rel), f"JSON Lines compressed with {ext[1:]}. " + bare_note)

    members = [D("problems/"), F("problems/problems.jsonl", J)]
    files = ["problems/problems.jsonl"]
    tarb = tar_bytes(members)
    e_rows = lambda rel: canon_rows(rel, "problems/problems.jsonl")
    for rel, data, what in ((d + "problems.tar", tarb, "ustar"),
                            (d + "problems.tar.gz", gz(tarb), "ustar + gzip"),
                            (d + "problems.tar.zst", zst(tarb), "ustar + zstd"),
                            (d + "problems.tar.xz", xz(tarb), "ustar + xz"),
                            (d + "problems.tar.bz2", bz(tarb), "ustar + bzip2")):
        write(rel, data)
        container(rel, e_rows(rel), f"A tar ({what}) with a directory entry (skipped) and one JSON Lines entry.",
                  files=files)

    rel = d + "problems.zip"
    write(rel, zip_bytes([("problems/", None), ("problems/problems.jsonl", J)]))
    container(rel, e_rows(rel), "A zip (deflate) with a directory entry and one JSON Lines entry.", files=files)
    rel = d + "problems-stored.zip"
    write(rel, zip_bytes([("problems/", None), ("problems/problems.jsonl", J)], method=zipfile.ZIP_STORED))
    container(rel, e_rows(rel), "A zip whose entry is stored (no compression).", files=files)
    rel = d + "problems.cpio"
    write(rel, cpio_newc([("problems", 0o40755, b""), ("problems/problems.jsonl", 0o100644, J)]))
    container(rel, e_rows(rel), "A cpio archive (SVR4 newc, written by hand) with a directory and one entry.",
              files=files)

    # Several entries: subfolders, directory entries, an array entry disguised as .jsonl, an
    # empty entry, a blank-only entry, a long (PAX) name, a non-ASCII (PAX) name, a symlink.
    long_name = "data/" + "a-very-long-entry-name-" * 5 + "beyond-the-ustar-100-byte-limit.jsonl"
    uni_name = "data/sub/ünïcödé-名前.jsonl"
    canon_a = CANON6[0:1] + CANON6[2:3] + CANON6[4:5]
    gsm = [{"question": "Mia reads 12 pages a day for 5 days. How many pages does she read?",
            "answer": "Each day she reads 12 pages, so 12*5=<<12*5=60>>60 pages.\n#### 60"},
           {"question": "A shelf has 4 rows of 9 jars. Two jars break. How many jars are left?",
            "answer": "There are 4*9=<<4*9=36>>36 jars. After breakage 36-2=<<36-2=34>>34 remain.\n#### 34"}]
    mmlu2 = [{"question": "Which organ pumps blood through the human body?", "subject": "anatomy",
              "choices": ["Liver", "Heart", "Kidney", "Lung"], "answer": 1},
             {"question": "What is the chemical symbol of sodium?", "subject": "high_school_chemistry",
              "choices": ["S", "So", "Na", "Sd"], "answer": 2}]
    ife = [{"key": 9001, "prompt": "Write a haiku about rain without using any commas.",
            "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}]
    long_obj = {"id": "multi-long-name", "domain": "instruction", "prompt": "Name three fruits, with no commas.",
                "instructions": [{"id": "punctuation:no_comma", "kwargs": {}}]}
    uni_obj = {"id": "multi-unicode-名前", "domain": "math", "prompt": "Combien font 7 × 6 ?", "answer": "42"}
    members = [
        D("data/"),
        F("data/a-canonical.jsonl", jlines(canon_a)),
        F("data/b-gsm8k.jsonl", jlines(gsm)),
        F("data/c-array-disguised.jsonl", (json.dumps(mmlu2, indent=2) + "\n").encode()),
        F("data/d-empty.jsonl", b""),
        F("data/e-blank.jsonl", b"\n   \n\t\n\r\n"),
        F(long_name, jline(long_obj)),
        D("data/sub/"),
        F("data/sub/f-ifeval.json", (json.dumps(ife) + "\n").encode()),
        L("data/sub/link.jsonl", "../a-canonical.jsonl"),
        F(uni_name, jline(uni_obj)),
    ]
    rel = d + "multi.tar"
    write(rel, tar_bytes(members, fmt=tarfile.PAX_FORMAT))
    rows = canon_rows(rel, "data/a-canonical.jsonl", objs=canon_a)
    rows += [{"location": loc(rel, "data/b-gsm8k.jsonl", line=1), "result": "converted", "adapter": "gsm8k", "domain": "math", "expect": {"answer": "60"}},
             {"location": loc(rel, "data/b-gsm8k.jsonl", line=2), "result": "converted", "adapter": "gsm8k", "domain": "math", "expect": {"answer": "34"}},
             {"location": loc(rel, "data/c-array-disguised.jsonl", index=0), "result": "converted", "adapter": "mmlu", "domain": "science", "expect": {"answer": "B"}},
             {"location": loc(rel, "data/c-array-disguised.jsonl", index=1), "result": "converted", "adapter": "mmlu", "domain": "science", "expect": {"answer": "C"}},
             {"location": loc(rel, long_name, line=1), "result": "converted", "adapter": "canonical", "domain": "instruction", "expect": {"id": "multi-long-name"}},
             {"location": loc(rel, "data/sub/f-ifeval.json", index=0), "result": "converted", "adapter": "ifeval", "domain": "instruction"},
             {"location": loc(rel, uni_name, line=1), "result": "converted", "adapter": "canonical", "domain": "math", "expect": {"id": "multi-unicode-名前"}}]
    container(rel, rows,
              "PAX tar, entries in this order: directories (skipped), canonical JSON Lines, GSM8K rows, "
              "a pretty-printed JSON array in an entry named .jsonl (read as an array because its first "
              "non-space byte is '['), an empty entry and a blank-only entry (no records; blank means "
              f"spaces, tabs, CR), a {len(long_name)}-byte name and a non-ASCII name (PAX 'path' records), a symlink "
              "inside the archive (skipped when reading, written by extract). Entries per adapter: "
              "canonical 5, gsm8k 2, mmlu 2, ifeval 1.",
              extract={"ok": True, "files": ["data/a-canonical.jsonl", "data/b-gsm8k.jsonl", "data/c-array-disguised.jsonl",
                                             "data/d-empty.jsonl", "data/e-blank.jsonl", long_name, "data/sub/f-ifeval.json", uni_name],
                       "symlinks": {"data/sub/link.jsonl": "../a-canonical.jsonl"}})

    rel = d + "gnu-longname.tar"
    gname = "gnu/" + "x" * 120 + ".jsonl"
    write(rel, tar_bytes([F(gname, J)], fmt=tarfile.GNU_FORMAT))
    container(rel, canon_rows(rel, gname), "GNU tar with a ././@LongLink name record (a 130-byte entry name).",
              files=[gname])

    # A folder. Paths are sorted as whole relative paths (byte order): "sub.jsonl" comes before
    # "sub/c.jsonl" because '.' < '/', although a directory walk would visit sub/ first.
    dd = d + "dir/"
    if os.path.isdir(path_of(dd)):
        shutil.rmtree(path_of(dd))
    write(dd + "a.jsonl", jlines(CANON6[0:2]))
    write(dd + "b.json", (json.dumps(CANON6[2:4], indent=1) + "\n").encode())
    write(dd + "sub.jsonl", jline(CANON6[4]))
    write(dd + "sub/c.jsonl", jline(gsm[0]))
    write(dd + "sub/deeper/d.jsonl", jline(mmlu2[0]))
    rows = canon_rows(dd[:-1], "a.jsonl", objs=CANON6[0:2]) + canon_rows(dd[:-1], "b.json", array=True, objs=CANON6[2:4])
    rows += canon_rows(dd[:-1], "sub.jsonl", objs=CANON6[4:5])
    rows += [{"location": loc(dd[:-1], "sub/c.jsonl", line=1), "result": "converted", "adapter": "gsm8k", "domain": "math", "expect": {"answer": "60"}},
             {"location": loc(dd[:-1], "sub/deeper/d.jsonl", line=1), "result": "converted", "adapter": "mmlu", "domain": "science", "expect": {"answer": "B"}}]
    container(dd[:-1], rows,
              "A folder: every regular file below it, sorted by relative path in byte order, so "
              "'sub.jsonl' (0x2E) comes before 'sub/c.jsonl' (0x2F) — a directory walk that "
              "visits sub/ before sub.jsonl gets the order wrong. Choice: locations are "
              "$FILE!RELATIVE/PATH:LINE, as for an archive entry. Extraction of a folder is not "
              "specified (extract: null).", extract=None)
    MANIFEST[-1]["extract"] = None
    MANIFEST[-1]["is_directory"] = True

    dc = d + "dir-compressed/"
    if os.path.isdir(path_of(dc)):
        shutil.rmtree(path_of(dc))
    write(dc + "x.jsonl.gz", gz(jlines(CANON6[0:2])))
    write(dc + "y.jsonl.zst", zst(jlines(CANON6[2:4])))
    rows = canon_rows(dc[:-1], "x.jsonl.gz", objs=CANON6[0:2]) + canon_rows(dc[:-1], "y.jsonl.zst", objs=CANON6[2:4])
    container(dc[:-1], rows,
              "A folder of compressed files. Choice (the interface is silent): each file of a folder "
              "is read as it would be on its own, so a .jsonl.gz or .jsonl.zst file is decompressed "
              "(its location still names the file as it is in the folder).", extract=None)
    MANIFEST[-1]["extract"] = None
    MANIFEST[-1]["is_directory"] = True

    # Extensions that lie: detection is by content.
    rel = d + "liar-targz.zip"
    write(rel, gz(tarb))
    container(rel, e_rows(rel), "A tar.gz named .zip: formats are detected from content, never from the name.",
              files=files)
    rel = d + "liar-zip.tar.gz"
    write(rel, zip_bytes([("problems/", None), ("problems/problems.jsonl", J)]))
    container(rel, e_rows(rel), "A zip named .tar.gz: formats are detected from content.", files=files)
    rel = d + "liar-gzip.jsonl"
    write(rel, gz(J))
    container(rel, canon_rows(rel), "A gzip-compressed JSON Lines file named .jsonl: decompressed by content. " + bare_note)

    # Line-ending and framing details.
    rel = d + "crlf.jsonl"
    crlf = b"".join(json.dumps(o, ensure_ascii=False).encode() + b"\r\n" for o in CANON6[:3]) + b"\r\n  \r\n"
    crlf += json.dumps(CANON6[3], ensure_ascii=False).encode() + b"\r\n" + json.dumps(CANON6[4], ensure_ascii=False).encode()
    write(rel, crlf)
    rows = canon_rows(rel, objs=CANON6[:3]) + [
        {"location": loc(rel, line=6), "result": "converted", "adapter": "canonical", "domain": "code", "expect": {"id": "c-code-2"}},
        {"location": loc(rel, line=7), "result": "converted", "adapter": "canonical", "domain": "science", "expect": {"id": "c-sci-1"}}]
    container(rel, rows, "CRLF line endings, two blank lines (lines 4-5: empty and spaces) that are not records "
              "but are counted in line numbers, and a last line without a newline.")
    rel = d + "whitespace-array.json"
    write(rel, b"\n\n   \t" + (json.dumps(CANON6[:2], indent=4)).encode() + b"\n\n")
    container(rel, canon_rows(rel, array=True, objs=CANON6[:2]),
              "A JSON array preceded by blank lines, spaces and a tab: the first non-space byte is '['.")
    rel = d + "multimember.jsonl.gz"
    write(rel, gz(jlines(CANON6[:3])) + gz(jlines(CANON6[3:])))
    container(rel, canon_rows(rel), "Two gzip members back to back (what `cat a.gz b.gz` makes): one stream of six lines.")
    rel = d + "multiframe.jsonl.zst"
    write(rel, zst(jlines(CANON6[:3])) + zst(jlines(CANON6[3:])))
    container(rel, canon_rows(rel), "Two zstd frames back to back: one stream of six lines.")

    rel = d + "empty.jsonl"
    write(rel, b"")
    container(rel, [], "An empty file: no records, no error. (Exit 0 for inspect.)")

    rel = d + "parquet-entry.tar"
    write(rel, tar_bytes([F("data/good.jsonl", jlines(CANON6[:2])), F("data/train.parquet", b"PAR1" + b"\0" * 60 + b"PAR1")]))
    rows = canon_rows(rel, "data/good.jsonl", objs=CANON6[:2]) + [
        {"location": loc(rel, "data/train.parquet", line=0), "result": "rejected", "code": "unsupported_format",
         "why": "entries named .parquet/.arrow are not read"}]
    container(rel, rows,
              "A tar with a JSON Lines entry and a (fake, 68-byte) .parquet entry. The interface says "
              "such entries 'are rejected with a clear error'. Choice: the entry counts as one rejected "
              "record (code unsupported_format, location $FILE!ENTRY:0) and reading goes on; inspect "
              "then exits 3.", files=["data/good.jsonl", "data/train.parquet"])
    rel = d + "fake.parquet"
    write(rel, b"PAR1" + b"\0" * 60 + b"PAR1")
    container(rel, [{"location": loc(rel, line=0), "result": "rejected", "code": "unsupported_format",
                     "why": "a plain file named .parquet"}],
              "A plain file named .parquet (Parquet magic bytes, no content). Choice: the name check "
              "applies to a plain file's own name too (a raw entry has no name of its own), so this "
              "is one rejection unsupported_format at $FILE:0, not a bad_json line.")


# ---------------------------------------------------------------------------------------------
# 2. Adapters: one file per adapter, rows shaped like the public datasets
# ---------------------------------------------------------------------------------------------

NO_ADAPTER = ["unconvertible", "unknown_format"]   # no adapter's key columns are present (auto)
UNCONV = ["unconvertible"]


def good(rel, line, adapter, domain, expect=None, index=None, entry=None):
    r = {"location": loc(rel, entry, line=line, index=index), "result": "converted", "adapter": adapter, "domain": domain}
    if expect:
        r["expect"] = expect
    return r


def bad(rel, line, code_alts, why, index=None, entry=None, adapter=None):
    r = {"location": loc(rel, entry, line=line, index=index), "result": "rejected", "code": code_alts[0], "why": why}
    if len(code_alts) > 1:
        r["alt_codes"] = code_alts[1:]
    if adapter:
        r["matched_adapter"] = adapter
    return r


def adapter_file(rel, adapter, lines, rows, notes, shaped_like, writer=jline):
    write(rel, b"".join(writer(o) if not isinstance(o, bytes) else o for o in lines))
    e = {"file": rel, "kind": "adapter", "adapter": adapter, "format_flag": adapter}
    e.update(counts(rows))
    e["read_error"] = None
    e["extract"] = {"ok": True}
    e["rows"] = rows
    e["shaped_like"] = shaped_like
    e["notes"] = notes
    return add(e)


LCB_NOTES = ("livecodebench/code_generation_lite rows: public_test_cases is a JSON string of "
             "{{input, output, testtype}}; private_test_cases is base64(zlib(pickle(JSON string))) as "
             "lcb_runner decodes it (pickle protocol 4: bytes {head} = PROTO 4, FRAME; line 2's "
             "private tests are a {n}-byte string, past pickle's 64 KiB frame target) or, in older "
             "releases, plain JSON (line 3); metadata is a JSON string with func_name for LeetCode "
             "rows, whose functional tests hold one JSON value per input line (the call's arguments) "
             "and a JSON output. Tests = public then private. Choice: private tests that cannot be "
             "decoded reject the row (dropping them would score against the public tests only).")


def lcb_private(tests):
    """LiveCodeBench's encoding of private tests: base64(zlib(pickle(JSON text)))."""
    return base64.b64encode(zlib.compress(pickle.dumps(json.dumps(tests), protocol=4))).decode("ascii")


def make_adapters():
    a = "adapters/"

    # canonical -------------------------------------------------------------------------------
    rel = a + "canonical.jsonl"
    lines = [
        {"id": "k-math", "domain": "math", "prompt": "What is 2 to the power 10?", "answer": "1024"},
        {"id": "k-code-assert", "domain": "code", "prompt": "Write is_even(n).",
         "tests": {"kind": "assert", "language": "python", "entry_point": "is_even",
                   "code": "def check(candidate):\n    assert candidate(4) is True\n    assert candidate(7) is False\n"}},
        {"id": "k-code-checker", "domain": "code", "prompt": "Print any divisor of n greater than 1.",
         "tests": {"kind": "checker", "cases": [{"input": "12\n", "output": "2\n"}],
                   "checker": {"language": "python", "source": "import sys\nprint('ok')\n"}}},
        {"id": "k-science", "domain": "science", "prompt": "Which planet is closest to the Sun?",
         "choices": ["Venus", "Mercury", "Mars", "Earth", "Jupiter"], "answer": "B", "verifier": {"preset": "simple-evals"}},
        {"id": "k-if", "domain": "instruction", "prompt": "Write about tea in at least 20 words.",
         "instructions": [{"id": "length_constraints:number_words", "kwargs": {"relation": "at least", "num_words": 20}}]},
        {"id": "k-bad-domain", "domain": "biology", "prompt": "Name a mammal."},
        {"id": 17, "domain": "math", "prompt": "What is 1 + 1?", "answer": "2"},
        {"id": "k-bad-kind", "domain": "code", "tests": {"kind": "telepathy", "cases": []}},
    ]
    rows = [good(rel, 1, "canonical", "math", {"id": "k-math", "answer": "1024"}),
            good(rel, 2, "canonical", "code", {"id": "k-code-assert", "tests.kind": "assert"}),
            good(rel, 3, "canonical", "code", {"id": "k-code-checker", "tests.kind": "checker"}),
            good(rel, 4, "canonical", "science", {"id": "k-science", "answer": "B"}),
            good(rel, 5, "canonical", "instruction", {"id": "k-if"}),
            bad(rel, 6, UNCONV, "domain 'biology' is not one of math, code, science, instruction", adapter="canonical"),
            bad(rel, 7, UNCONV, "id is a number, not a string", adapter="canonical"),
            bad(rel, 8, UNCONV, "tests.kind 'telepathy' is not stdio, call, assert or checker", adapter="canonical")]
    adapter_file(rel, "canonical", lines, rows,
                 "Canonical Problems (DESIGN.md) as they are. Rejected: an unknown domain, a numeric id "
                 "(choice: ids are not coerced from numbers for canonical rows), an unknown test kind. "
                 "Choice: a canonical row is only decoded, not checked for what its domain needs.",
                 "DESIGN.md Problem")

    # verl --------------------------------------------------------------------------------------
    rel = a + "verl.jsonl"
    lines = [
        {"data_source": "openai/gsm8k",
         "prompt": [{"role": "user", "content": "A baker makes 7 trays of 6 rolls and sells 30. How many rolls are left? "
                     "Let's think step by step and output the final answer after \"####\"."}],
         "ability": "math", "reward_model": {"style": "rule", "ground_truth": "12"},
         "extra_info": {"split": "train", "index": 0,
                        "answer": "7*6=<<7*6=42>>42 rolls; 42-30=<<42-30=12>>12 are left.\n#### 12",
                        "question": "A baker makes 7 trays of 6 rolls and sells 30. How many rolls are left?"}},
        {"data_source": "DigitalLearningGmbH/MATH-lighteval",
         "prompt": [{"role": "user", "content": "What is $\\frac{1}{2}+\\frac{1}{4}$? Let's think step by step and output the final answer within \\boxed{}."}],
         "ability": "math", "reward_model": {"style": "rule", "ground_truth": "\\frac{3}{4}"},
         "extra_info": {"split": "test", "index": 1}},
        {"data_source": "codecontests",
         "prompt": [{"role": "system", "content": "You are a careful competitive programmer. Answer with one Python code block."},
                    {"role": "user", "content": "Read n and print n squared.\n\nWrite Python code to solve the problem."}],
         "ability": "code",
         "reward_model": {"style": "rule", "ground_truth": json.dumps({"inputs": ["3\n", "10\n"], "outputs": ["9\n", "100\n"]})},
         "extra_info": {"split": "train", "index": 2}},
        {"data_source": "searchR1_nq",
         "prompt": [{"role": "user", "content": "Answer the question: what colour is a ripe banana?"}],
         "ability": "fact-reasoning", "reward_model": {"style": "rule", "ground_truth": {"target": ["yellow"]}},
         "extra_info": {"split": "train", "index": 3}},
        {"data_source": "openai/gsm8k",
         "prompt": [{"role": "user", "content": "How many legs do 3 spiders have?"}],
         "ability": "math", "reward_model": {"style": "rule"},
         "extra_info": {"split": "train", "index": 4}},
        {"data_source": "openai/gsm8k", "prompt": 42, "ability": "math",
         "reward_model": {"style": "rule", "ground_truth": "5"}, "extra_info": {"split": "train", "index": 5}},
    ]
    rows = [good(rel, 1, "verl", "math", {"answer": "12", "prompt_startswith": "A baker makes"}),
            good(rel, 2, "verl", "math", {"answer": "\\frac{3}{4}"}),
            good(rel, 3, "verl", "code", {"tests.kind": "stdio", "tests.cases": 2, "prompt_startswith": "Read n and print"}),
            bad(rel, 4, UNCONV, "data_source 'searchR1_nq' and ability 'fact-reasoning' name no domain", adapter="verl"),
            bad(rel, 5, UNCONV, "reward_model has no ground_truth", adapter="verl"),
            bad(rel, 6, UNCONV, "prompt is a number, not chat messages", adapter="verl")]
    adapter_file(rel, "verl", lines, rows,
                 "verl's RL rows (examples/data_preprocess/gsm8k.py and math_dataset.py; Eurus-2-RL-Data "
                 "for code: system + user messages, ground_truth a JSON string of {inputs, outputs}). verl "
                 "writes Parquet; these are the same rows as JSON Lines. prompt = the last user message. "
                 "Choice: a code row's ground_truth becomes stdio tests (fn_name would make call tests); "
                 "a data_source/ability pair that names no domain is rejected.",
                 "verl data_preprocess parquet rows")

    rel = a + "verl-dapo.jsonl"
    dapo_q = "Let $x$ be the least positive integer with $x \\equiv 3 \\pmod 5$ and $x \\equiv 4 \\pmod 7$. Find $x$."
    dapo_prompt = ("Solve the following math problem step by step. The last line of your response should be of the "
                   "form Answer: $Answer (without quotes) where $Answer is the answer to the problem.\n\n" + dapo_q +
                   "\n\nRemember to put your answer on its own line after \"Answer:\".")
    lines = [
        {"data_source": "math_dapo", "prompt": [{"content": dapo_prompt, "role": "user"}], "ability": "MATH",
         "reward_model": {"ground_truth": "18", "style": "rule-lighteval/MATH_v2"},
         "extra_info": {"index": "0f3c2a8e-5b7d-4e21-9a6c-1d2e3f4a5b6c"}},
        {"prompt": dapo_q.replace("3 \\pmod 5", "1 \\pmod 4").replace("4 \\pmod 7", "2 \\pmod 3"),
         "solution": "5", "data_source": "math_dapo",
         "source_prompt": [{"content": "Solve the following math problem step by step. ...", "role": "user"}],
         "ability": "MATH", "reward_model": {"ground_truth": "5", "style": "rule-lighteval/MATH_v2"},
         "extra_info": {"index": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}},
        {"prompt": "How many positive divisors does 36 have?", "solution": "9"},
    ]
    rows = [good(rel, 1, "verl", "math", {"answer": "18"}),
            good(rel, 2, "verl", "math", {"answer": "5", "prompt_startswith": "Let $x$ be the least"}),
            bad(rel, 3, NO_ADAPTER, "only prompt + solution: no adapter's key columns (math wants `problem`)")]
    adapter_file(rel, "verl", lines, rows,
                 "DAPO-Math-17k (BytedTsinghua-SIA): verl rows with ability 'MATH', style "
                 "'rule-lighteval/MATH_v2' and a UUID string as extra_info.index; then the "
                 "open-r1/DAPO-Math-17k-Processed shape (prompt is a plain string, solution = the answer, "
                 "source_prompt the original messages), which auto-detects as verl because "
                 "data_source + reward_model are present (choice: a string prompt is used as is); then "
                 "a row cut down to prompt + solution, which no adapter claims under auto (with "
                 "--format verl it is unconvertible: no reward_model).",
                 "DAPO-Math-17k, DAPO-Math-17k-Processed")

    # slime -------------------------------------------------------------------------------------
    rel = a + "slime.jsonl"
    lines = [
        {"prompt": [{"role": "user", "content": "Find the sum of the first 20 positive integers."}], "label": "210",
         "metadata": {"rm_type": "deepscaler"}},
        {"prompt": "Which particle carries a negative charge?\nA. proton\nB. electron\nC. neutron\nD. photon",
         "label": "B", "metadata": {"rm_type": "gpqa", "choices": ["proton", "electron", "neutron", "photon"], "correct_letter": "B"}},
        {"prompt": [{"role": "user", "content": "Describe a bicycle without using any commas."}], "label": "",
         "metadata": {"rm_type": "ifbench", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}],
                      "prompt_text": "Describe a bicycle without using any commas.", "record_id": "11"}},
        {"prompt": "Compute 15 * 4.", "label": "60", "rm_type": "dapo"},
        {"prompt": [{"role": "user", "content": "What is 9 squared?"}], "label": "81", "metadata": "{\"rm_type\": \"math\"}"},
        {"prompt": "Who wrote the fixture?", "label": "nobody", "metadata": {"rm_type": "f1"}},
        {"prompt": "What is 3 + 3?", "label": "6", "metadata": {"source": "handmade"}},
        {"prompt": [{"role": "user", "content": "What is 8 + 8?"}], "label": "16"},
    ]
    rows = [good(rel, 1, "slime", "math", {"answer": "210"}),
            good(rel, 2, "slime", "science", {"answer": "B", "choices": ["proton", "electron", "neutron", "photon"]}),
            good(rel, 3, "slime", "instruction", {"instructions.ids": ["punctuation:no_comma"]}),
            good(rel, 4, "slime", "math", {"answer": "60"}),
            good(rel, 5, "slime", "math", {"answer": "81"}),
            bad(rel, 6, UNCONV, "rm_type 'f1' (text overlap) names no domain", adapter="slime"),
            bad(rel, 7, UNCONV, "metadata without rm_type, and no rm_type column: no domain", adapter="slime"),
            bad(rel, 8, NO_ADAPTER, "prompt + label only (zhuzilin/dapo-math-17k's own shape): slime's key "
                "columns need rm_type or metadata")]
    adapter_file(rel, "slime", lines, rows,
                 "slime's JSON Lines (--input-key prompt --label-key label --metadata-key metadata; "
                 "rm_type per sample in metadata, as slime/rollout/rm_hub reads it, or as a column). "
                 "rm_type -> domain: deepscaler/dapo/math -> math, gpqa -> science (choices from "
                 "metadata.choices, answer = the label letter), ifbench -> instruction "
                 "(metadata.instruction_id_list/kwargs). Line 5's metadata is a JSON string "
                 "(slime parses those). Line 8 is how slime's own math example data looks: under "
                 "auto no adapter claims it, since the rm_type is given on slime's command line.",
                 "slime rm_hub metadata")

    # gsm8k -------------------------------------------------------------------------------------
    rel = a + "gsm8k.jsonl"
    lines = [
        {"question": "Ana buys 3 notebooks at $4 each and a pen for $2. How much does she spend?",
         "answer": "The notebooks cost 3*4=<<3*4=12>>12 dollars.\nWith the pen she spends 12+2=<<12+2=14>>14 dollars.\n#### 14"},
        {"question": "A farm ships 250 crates a day for 5 days. How many crates is that?",
         "answer": "250*5=<<250*5=1250>>1,250 crates.\n#### 1,250"},
        {"question": "Léa cuts a 3/4 m ribbon into 3 equal pieces. How many centimetres long is each piece?",
         "answer": "3/4 m is 75 cm, and 75/3=<<75/3=25>>25.\n#### 25"},
        {"question": "Tom has 5 apples and eats 2. How many are left?", "answer": "He has 5-2=3 apples left."},
        {"question": ["not", "a", "string"], "answer": "It is 2+2=<<2+2=4>>4.\n#### 4"},
    ]
    rows = [good(rel, 1, "gsm8k", "math", {"answer": "14"}),
            good(rel, 2, "gsm8k", "math", {"answer": "1250"}),
            good(rel, 3, "gsm8k", "math", {"answer": "25", "prompt_contains": "Léa cuts a 3/4 m ribbon"}),
            bad(rel, 4, NO_ADAPTER, "answer has no '####': the gsm8k adapter does not claim it, nor does any other"),
            bad(rel, 5, UNCONV, "question is a list, not a string", adapter="gsm8k")]
    adapter_file(rel, "gsm8k", lines, rows,
                 "openai/gsm8k rows (question, answer with <<calculator>> marks and a final '#### N'), "
                 "written the way pandas/datasets to_json writes them: ASCII only with \\u escapes "
                 "(\\u00e9 for é) and every '/' escaped as '\\/'. Answer = text after '####' with commas "
                 "removed (1,250 -> 1250).", "openai/gsm8k (main)", writer=pandas_line)

    # math --------------------------------------------------------------------------------------
    rel = a + "math.jsonl"
    lines = [
        {"problem": "If $3x + 5 = 20$, what is $x$?", "level": "Level 1", "type": "Algebra",
         "solution": "Subtracting 5 gives $3x = 15$, so $x = \\boxed{5}$."},
        {"problem": "What is $\\frac{2}{3} \\cdot \\frac{9}{10}$?", "level": "Level 2", "type": "Prealgebra",
         "solution": "We first try $\\boxed{1}$ as a guess, which is wrong. Multiplying, $\\frac{18}{30} = \\boxed{\\frac{3}{5}}$."},
        {"problem": "How many ways can 2 of 5 books be chosen?", "solution": "$\\binom{5}{2} = 10$, so the answer is $\\boxed{10}$.",
         "answer": "10", "subject": "Counting & Probability", "level": 2, "unique_id": "test/counting_and_probability/9001.json"},
        {"problem": "Find the distance between $(0,0)$ and $(3,4)$.", "solution": "By Pythagoras it is $\\sqrt{9+16}=5$.",
         "answer": "5", "subject": "Geometry", "level": 1, "unique_id": "test/geometry/9002.json"},
        {"problem": "Compute $7 \\cdot 8$.", "level": "Level 1", "type": "Prealgebra", "solution": "The product is 56."},
        {"problem": None, "level": "Level 1", "type": "Algebra", "solution": "So $y=\\boxed{2}$."},
    ]
    rows = [good(rel, 1, "math", "math", {"answer": "5"}),
            good(rel, 2, "math", "math", {"answer": "\\frac{3}{5}"}),
            good(rel, 3, "math", "math", {"answer": "10"}),
            good(rel, 4, "math", "math", {"answer": "5"}),
            bad(rel, 5, UNCONV, "no answer column and no \\boxed{} in the solution", adapter="math"),
            bad(rel, 6, UNCONV + ["unknown_format"], "problem is null")]
    adapter_file(rel, "math", lines, rows,
                 "Hendrycks MATH rows (problem, level 'Level N', type, solution) and MATH-500 rows "
                 "(problem, solution, answer, subject, level as a number, unique_id). Answer = the "
                 "`answer` column when present (line 4: its solution has no box), else the content of "
                 "the LAST \\boxed{} of the solution with nested braces (line 2: \\frac{3}{5}, not 1). "
                 "Line 6: a null problem; whether null counts as 'present' for auto-detection is not "
                 "specified, hence two acceptable codes.", "hendrycks MATH, HuggingFaceH4/MATH-500")

    # humaneval ---------------------------------------------------------------------------------
    rel = a + "humaneval.jsonl"
    lines = [
        {"task_id": "HumanEval/900",
         "prompt": "\n\ndef add_three(a: int, b: int, c: int) -> int:\n    \"\"\" Return the sum of three integers.\n    >>> add_three(1, 2, 3)\n    6\n    \"\"\"\n",
         "canonical_solution": "    return a + b + c\n",
         "test": "\n\nMETADATA = {\n    'author': 'fixture',\n    'dataset': 'test'\n}\n\n\ndef check(candidate):\n    assert candidate(1, 2, 3) == 6\n    assert candidate(-1, 1, 0) == 0\n    assert candidate(10, 20, 30) == 60\n",
         "entry_point": "add_three"},
        {"task_id": "HumanEval/901",
         "prompt": "from typing import List\n\n\ndef longest_word(words: List[str]) -> str:\n    \"\"\" Return the longest word; the first one on ties.\n    >>> longest_word(['ab', 'abc', 'xyz'])\n    'abc'\n    \"\"\"\n",
         "canonical_solution": "    best = ''\n    for w in words:\n        if len(w) > len(best):\n            best = w\n    return best\n",
         "test": "\n\ndef check(candidate):\n    assert candidate(['ab', 'abc', 'xyz']) == 'abc'\n    assert candidate([]) == ''\n",
         "entry_point": "longest_word"},
        {"task_id": "HumanEval/902", "prompt": "def f(x):\n", "canonical_solution": "    return x\n",
         "test": ["assert f(1) == 1"], "entry_point": "f"},
        {"task_id": "HumanEval/903", "prompt": "def g(x):\n", "canonical_solution": "    return x\n", "entry_point": "g"},
    ]
    rows = [good(rel, 1, "humaneval", "code", {"tests.kind": "assert", "tests.entry_point": "add_three"}),
            good(rel, 2, "humaneval", "code", {"tests.kind": "assert", "tests.entry_point": "longest_word"}),
            bad(rel, 3, UNCONV, "test is a list, not a string", adapter="humaneval"),
            bad(rel, 4, NO_ADAPTER, "no test column: humaneval's key columns are absent (mbpp needs test_list)")]
    adapter_file(rel, "humaneval", lines, rows,
                 "openai/human-eval HumanEval.jsonl rows: task_id, prompt, canonical_solution, test "
                 "(METADATA + def check(candidate)), entry_point. Code, kind assert with the test code "
                 "and entry_point. Choice left to the adapter: whether the prompt is the problem's "
                 "prompt verbatim (it is a function header the completion continues).",
                 "openai/human-eval")

    # mbpp --------------------------------------------------------------------------------------
    rel = a + "mbpp.jsonl"
    lines = [
        {"task_id": 901, "text": "Write a function to return the number of even numbers in a list.",
         "code": "def count_even(xs):\r\n  return sum(1 for x in xs if x % 2 == 0)",
         "test_list": ["assert count_even([1, 2, 4]) == 2", "assert count_even([]) == 0", "assert count_even([7]) == 0"],
         "test_setup_code": "", "challenge_test_list": []},
        {"source_file": "Benchmark Questions Verification V2.ipynb", "task_id": 902,
         "prompt": "Write a python function to find the hypotenuse of a right triangle with integer legs, rounded down.",
         "code": "import math\ndef hyp(a, b):\n    return math.isqrt(a * a + b * b)",
         "test_imports": ["import math"],
         "test_list": ["assert hyp(3, 4) == 5", "assert hyp(5, 12) == 13"]},
        {"task_id": 903, "text": "Write a function to double a number.", "code": "def dbl(x):\n    return 2 * x",
         "test_list": "assert dbl(2) == 4", "test_setup_code": "", "challenge_test_list": []},
        {"task_id": 904, "text": "Write a function to negate a number.", "code": "def neg(x):\n    return -x",
         "test_list": [], "test_setup_code": "", "challenge_test_list": []},
    ]
    rows = [good(rel, 1, "mbpp", "code", {"tests.kind": "assert"}),
            good(rel, 2, "mbpp", "code", {"tests.kind": "assert"}),
            bad(rel, 3, UNCONV, "test_list is a string, not a list", adapter="mbpp"),
            bad(rel, 4, UNCONV, "test_list is empty: no tests", adapter="mbpp")]
    adapter_file(rel, "mbpp", lines, rows,
                 "MBPP full rows (task_id int, text, code with CRLF as in the original, test_list, "
                 "test_setup_code, challenge_test_list) and sanitized rows (source_file, task_id, "
                 "prompt, code, test_imports, test_list). Code, kind assert: the asserts joined by "
                 "newlines (choice: test_setup_code / test_imports go before them). Choice: an empty "
                 "test_list is unconvertible (a code problem needs a test).",
                 "google-research-datasets/mbpp (full, sanitized)")

    # apps / taco -------------------------------------------------------------------------------
    rel = a + "apps.jsonl"
    lines = [
        {"problem_id": 9001, "question": "You are given two integers a and b. Print a + b.\n\n-----Input-----\n\nOne line with a and b.\n\n-----Output-----\n\nPrint one integer.\n\n-----Examples-----\nInput\n1 2\n\nOutput\n3\n",
         "solutions": json.dumps(["a, b = map(int, input().split())\nprint(a + b)\n"]),
         "input_output": json.dumps({"inputs": ["1 2\n", "10 -4\n"], "outputs": ["3\n", "6\n"]}),
         "difficulty": "introductory", "url": "https://codeforces.com/problemset/problem/9001/A", "starter_code": ""},
        {"problem_id": 9002, "question": "Write a function count_vowels(s) that returns how many of the letters of s are vowels (aeiou).",
         "solutions": json.dumps(["def count_vowels(s):\n    return sum(c in 'aeiou' for c in s)\n"]),
         "input_output": json.dumps({"fn_name": "count_vowels", "inputs": [["hello"], ["sky"], ["aeiou"]], "outputs": [[2], [0], [5]]}),
         "difficulty": "introductory", "url": "https://www.codewars.com/kata/fixture-9002", "starter_code": "def count_vowels(s):\n\t"},
        {"problem_id": 9003, "question": "Print the answer.", "solutions": "[]", "input_output": "",
         "difficulty": "interview", "url": "https://atcoder.jp/contests/fixture/tasks/fixture_a", "starter_code": ""},
        {"problem_id": 9004, "question": "Print 1.", "solutions": "[]", "input_output": "{\"inputs\": [\"\"], \"outputs\": ",
         "difficulty": "interview", "url": "https://codeforces.com/problemset/problem/9004/A", "starter_code": ""},
    ]
    rows = [good(rel, 1, "apps", "code", {"tests.kind": "stdio", "tests.cases": 2}),
            good(rel, 2, "apps", "code", {"tests.kind": "call", "tests.fn_name": "count_vowels", "tests.cases": 3}),
            bad(rel, 3, UNCONV, "input_output is an empty string (APPS has such rows)", adapter="apps"),
            bad(rel, 4, UNCONV, "input_output is not valid JSON", adapter="apps")]
    adapter_file(rel, "apps", lines, rows,
                 "codeparrot/apps rows: problem_id, question, solutions (a JSON string), input_output "
                 "(a JSON string: inputs/outputs, plus fn_name for call-based problems, whose outputs "
                 "are wrapped in one-element lists as APPS stores them), difficulty, url, starter_code.",
                 "codeparrot/apps")

    rel = a + "taco.jsonl"
    lines = [
        {"question": "Given N, print the sum of the digits of N.\n\nInput: one integer N.\nOutput: one integer.",
         "solutions": json.dumps(["print(sum(map(int, input().strip())))\n"]), "starter_code": "",
         "input_output": json.dumps({"inputs": ["123\n", "9\n"], "outputs": ["6\n", "9\n"]}),
         "difficulty": "EASY", "raw_tags": "['Mathematics']", "name": None, "source": "codeforces",
         "tags": "['Mathematics']", "skill_types": "[]", "url": "https://codeforces.com/problemset/problem/9101/A",
         "Expected Auxiliary Space": None, "time_limit": "1 second", "date": "2021-03-04", "picture_num": "0",
         "memory_limit": "256 megabytes", "Expected Time Complexity": None},
        {"question": "Complete the function triangle(n) which returns 1 + 2 + ... + n.",
         "solutions": json.dumps(["class Solution:\n    def triangle(self, n):\n        return n * (n + 1) // 2\n"]),
         "starter_code": "#User function Template for python3\n\nclass Solution:\n    def triangle(self, n):\n        # code here\n",
         "input_output": json.dumps({"fn_name": "triangle", "inputs": [[3], [10]], "outputs": [6, 55]}),
         "difficulty": "EASY", "raw_tags": "[]", "name": None, "source": "geeksforgeeks", "tags": "[]", "skill_types": "[]",
         "url": "https://practice.geeksforgeeks.org/problems/fixture-triangle/1", "Expected Auxiliary Space": "O(1)",
         "time_limit": None, "date": None, "picture_num": "0", "memory_limit": None, "Expected Time Complexity": "O(1)"},
        {"question": "Print hello.", "solutions": "[]", "starter_code": "",
         "input_output": json.dumps({"inputs": ["\n"]}),
         "difficulty": "EASY", "raw_tags": "[]", "name": None, "source": "codechef", "tags": "[]", "skill_types": "[]",
         "url": None, "Expected Auxiliary Space": None, "time_limit": None, "date": None, "picture_num": "0",
         "memory_limit": None, "Expected Time Complexity": None},
    ]
    rows = [good(rel, 1, "apps", "code", {"tests.kind": "stdio", "tests.cases": 2}),
            good(rel, 2, "apps", "code", {"tests.kind": "call", "tests.fn_name": "triangle", "tests.cases": 2}),
            bad(rel, 3, UNCONV, "input_output has inputs but no outputs", adapter="apps")]
    adapter_file(rel, "taco", lines, rows,
                 "BAAI/TACO rows (question, solutions, starter_code, input_output, difficulty, raw_tags, "
                 "name, source, tags, skill_types, url, 'Expected Auxiliary Space', time_limit, date, "
                 "picture_num, memory_limit, 'Expected Time Complexity'); taco is an alias of apps. "
                 "Line 2 is a GeeksforGeeks call problem on a Solution class with unwrapped outputs "
                 "(call tests run Solution().triangle).", "BAAI/TACO")
    MANIFEST[-1]["format_flag"] = "taco"

    # livecodebench -----------------------------------------------------------------------------
    rel = a + "livecodebench.jsonl"
    pub1 = [{"input": "3\n1 2 3\n", "output": "6\n", "testtype": "stdin"}]
    priv1 = [{"input": "1\n5\n", "output": "5\n", "testtype": "stdin"}, {"input": "4\n1 1 1 1\n", "output": "4\n", "testtype": "stdin"}]
    pub2 = [{"input": "[1,2,3,4]\n5", "output": "2", "testtype": "functional"}]
    priv2 = [{"input": "[5,5]\n10", "output": "1", "testtype": "functional"},
             {"input": "[%s]\n3" % ",".join(["1"] * 30000), "output": "0", "testtype": "functional"}]
    lines = [
        {"question_title": "Sum of a Sequence", "question_content": "You are given N integers. Print their sum.\n\nInput\n\nN\nA_1 ... A_N\n\nOutput\n\nPrint the sum.",
         "platform": "atcoder", "question_id": "abc901_a", "contest_id": "abc901", "contest_date": "2024-08-03T00:00:00",
         "starter_code": "", "difficulty": "easy", "public_test_cases": json.dumps(pub1),
         "private_test_cases": lcb_private(priv1), "metadata": "{}"},
        {"question_title": "count-pairs-with-sum", "question_content": "Given an array nums and an integer k, return the number of index pairs i < j with nums[i] + nums[j] == k.",
         "platform": "leetcode", "question_id": "9902", "contest_id": "weekly-contest-901", "contest_date": "2024-09-01T00:00:00",
         "starter_code": "class Solution:\n    def countPairs(self, nums: List[int], k: int) -> int:\n        ",
         "difficulty": "medium", "public_test_cases": json.dumps(pub2),
         "private_test_cases": lcb_private(priv2), "metadata": json.dumps({"func_name": "countPairs"})},
        {"question_title": "Echo", "question_content": "Print the input.", "platform": "codeforces", "question_id": "9903A",
         "contest_id": "9903", "contest_date": "2023-05-01T00:00:00", "starter_code": "", "difficulty": "easy",
         "public_test_cases": json.dumps([{"input": "x\n", "output": "x\n", "testtype": "stdin"}]),
         "private_test_cases": json.dumps([{"input": "y\n", "output": "y\n", "testtype": "stdin"}]), "metadata": "{}"},
        {"question_title": "Broken public", "question_content": "Print 1.", "platform": "atcoder", "question_id": "abc904_a",
         "contest_id": "abc904", "contest_date": "2024-10-01T00:00:00", "starter_code": "", "difficulty": "easy",
         "public_test_cases": "[{\"input\": \"\", \"output\": ", "private_test_cases": lcb_private([]), "metadata": "{}"},
        {"question_title": "Broken private", "question_content": "Print 2.", "platform": "atcoder", "question_id": "abc905_a",
         "contest_id": "abc905", "contest_date": "2024-10-02T00:00:00", "starter_code": "", "difficulty": "easy",
         "public_test_cases": json.dumps([{"input": "", "output": "2\n", "testtype": "stdin"}]),
         "private_test_cases": "eJz!!not-base64-or-zlib!!", "metadata": "{}"},
    ]
    rows = [good(rel, 1, "livecodebench", "code", {"tests.kind": "stdio", "tests.cases": 3}),
            good(rel, 2, "livecodebench", "code", {"tests.kind": "call", "tests.fn_name": "countPairs", "tests.cases": 3,
                                                     "tests.cases[0].args": [[1, 2, 3, 4], 5], "tests.cases[0].expected": 2}),
            good(rel, 3, "livecodebench", "code", {"tests.kind": "stdio", "tests.cases": 2}),
            bad(rel, 4, UNCONV, "public_test_cases is not valid JSON", adapter="livecodebench"),
            bad(rel, 5, UNCONV, "private_test_cases is neither JSON nor base64(zlib(pickle(JSON)))", adapter="livecodebench")]
    adapter_file(rel, "livecodebench", lines, rows,
                 LCB_NOTES.format(n=len(json.dumps(priv2)), head=pickle.dumps(json.dumps(priv2), protocol=4)[:3].hex(" ")),
                 "livecodebench/code_generation_lite")

    # codecontests ------------------------------------------------------------------------------
    rel = a + "codecontests.jsonl"
    base_cc = {"source": 2, "difficulty": 7,
               "solutions": {"language": [3, 2], "solution": ["n = int(input())\nprint(n * 2)\n", "#include <cstdio>\nint main(){int n;scanf(\"%d\",&n);printf(\"%d\\n\",2*n);}\n"]},
               "incorrect_solutions": {"language": [3], "solution": ["print(input())\n"]},
               "cf_contest_id": 9201, "cf_index": "A", "cf_points": 500.0, "cf_rating": 800, "cf_tags": ["math", "implementation"],
               "is_description_translated": False, "untranslated_description": "",
               "time_limit": {"seconds": 2, "nanos": 0}, "memory_limit_bytes": 256000000, "input_file": "", "output_file": ""}
    lines = [
        dict({"name": "9201_A. Twice", "description": "Given n, print 2n.\n\nInput\n\nOne integer n.\n\nOutput\n\nPrint 2n.",
              "public_tests": {"input": ["3\n"], "output": ["6\n"]},
              "private_tests": {"input": ["0\n", "-7\n"], "output": ["0\n", "-14\n"]},
              "generated_tests": {"input": ["100\n"], "output": ["200\n"]}}, **base_cc),
        dict({"name": "9202_B. Reverse", "description": "Print the given word reversed.",
              "public_tests": {"input": ["abc\n"], "output": ["cba\n"]},
              "private_tests": {"input": [], "output": []}, "generated_tests": {"input": [], "output": []}}, **base_cc),
        dict({"name": "9203_C. Broken", "description": "Print n.",
              "public_tests": {"input": ["1\n", "2\n"], "output": ["1\n"]},
              "private_tests": {"input": [], "output": []}, "generated_tests": {"input": [], "output": []}}, **base_cc),
        dict({"name": "9204_D. Testless", "description": "Print n.",
              "public_tests": {"input": [], "output": []},
              "private_tests": {"input": [], "output": []}, "generated_tests": {"input": [], "output": []}}, **base_cc),
    ]
    rows = [good(rel, 1, "codecontests", "code", {"tests.kind": "stdio", "tests.cases": 4}),
            good(rel, 2, "codecontests", "code", {"tests.kind": "stdio", "tests.cases": 1}),
            bad(rel, 3, UNCONV, "public_tests has 2 inputs and 1 output", adapter="codecontests"),
            bad(rel, 4, UNCONV, "no tests at all", adapter="codecontests")]
    adapter_file(rel, "codecontests", lines, rows,
                 "deepmind/code_contests rows as Hugging Face stores them: public/private/generated_tests "
                 "as {input: [...], output: [...]}, solutions as {language: [enum], solution: [...]}, "
                 "time_limit {seconds, nanos}, memory_limit_bytes, cf_* fields. Tests = public + private "
                 "+ generated (line 1: 4). Choice: the adapter may also carry time_limit (2 s) and "
                 "memory_limit_bytes (256 MB) into the tests' limits.",
                 "deepmind/code_contests")

    # gpqa --------------------------------------------------------------------------------------
    rel = a + "gpqa.jsonl"

    def gq(q, right, w1, w2, w3, rid, sub="Physics (general)", dom="Physics", **over):
        row = {"Pre-Revision Question": q, "Pre-Revision Correct Answer": right, "Pre-Revision Incorrect Answer 1": w1,
               "Pre-Revision Incorrect Answer 2": w2, "Pre-Revision Incorrect Answer 3": w3, "Pre-Revision Explanation": "Made up for a fixture.",
               "Self-reported question-writing time (minutes)": 10.0, "Question": q, "Correct Answer": right,
               "Incorrect Answer 1": w1, "Incorrect Answer 2": w2, "Incorrect Answer 3": w3, "Explanation": "Made up for a fixture.",
               "Revision Comments (from Question Writer)": None, "Subdomain": sub, "Writer's Difficulty Estimate": "Easy undergraduate level (or easier)",
               "Extra Revised Question": None, "Extra Revised Explanation": None, "Extra Revised Correct Answer": None,
               "Extra Revised Incorrect Answer 1": None, "Extra Revised Incorrect Answer 2": None, "Extra Revised Incorrect Answer 3": None,
               "Non-Expert Validator Accuracy": 0.5, "Majority Non-Expert Vals Incorrect": 0.0, "Expert Validator Accuracy": 1.0,
               "Record ID": rid, "High-level domain": dom, "Question Writer": "fixture-writer"}
        row.update(over)
        return row

    lines = [
        gq("A 2 kg mass moves at 3 m/s. What is its kinetic energy?", "9 J", "6 J", "18 J", "3 J", "recFIXTURE0000001"),
        gq("Which bond holds the two strands of DNA together?", "Hydrogen bonds", "Ionic bonds", "Peptide bonds", "Metallic bonds",
           "recFIXTURE0000002", sub="Molecular Biology", dom="Biology"),
        gq("What is the pH of pure water at 25 C?", "7", "0", "14", "1", "recFIXTURE0000003", sub="Chemistry (general)", dom="Chemistry"),
        {k: v for k, v in gq("Which is a noble gas?", "Argon", "Iron", "Carbon", "Sodium", "recFIXTURE0000004").items()
         if k != "Incorrect Answer 3"},
        gq("What is 1 + 1 in binary?", None, "11", "01", "100", "recFIXTURE0000005"),
    ]
    rows = [good(rel, 1, "gpqa", "science", {"choices.count": 4, "answer_text": "9 J"}),
            good(rel, 2, "gpqa", "science", {"choices.count": 4, "answer_text": "Hydrogen bonds"}),
            good(rel, 3, "gpqa", "science", {"choices.count": 4, "answer_text": "7"}),
            bad(rel, 4, UNCONV, "no 'Incorrect Answer 3': four choices are needed", adapter="gpqa"),
            bad(rel, 5, UNCONV, "'Correct Answer' is null", adapter="gpqa")]
    adapter_file(rel, "gpqa", lines, rows,
                 "Idavidrein/gpqa rows (the CSV's columns, JSON null where the CSV cell is empty). "
                 "Science with 4 choices shuffled by a seeded rule, so the letter is not fixed here: "
                 "`answer_text` is the text that choices[letter] must hold. The shuffle must be the same "
                 "on every run (and should not depend on the row's position alone, so that the "
                 "answer letter is not always the same).", "Idavidrein/gpqa (gpqa_main/diamond)")

    # mmlu / mmlu-pro ---------------------------------------------------------------------------
    rel = a + "mmlu.jsonl"
    lines = [
        {"question": "What is the SI unit of electric current?", "subject": "high_school_physics",
         "choices": ["Volt", "Ohm", "Ampere", "Watt"], "answer": 2},
        {"question": "Which blood cells carry oxygen?", "subject": "anatomy",
         "choices": ["Red blood cells", "White blood cells", "Platelets", "Plasma cells"], "answer": 0},
        {"question": "In which year did the fixture begin?", "subject": "high_school_world_history",
         "choices": ["2021", "2022", "2023", "2024"], "answer": 3},
        {"question": "How many legs does an insect have?", "subject": "college_biology",
         "choices": ["4", "6", "8", "10"], "answer": 7},
        {"question": "Which is a metal?", "subject": "high_school_chemistry", "choices": "Iron, Oxygen, Neon, Sulfur", "answer": 0},
    ]
    rows = [good(rel, 1, "mmlu", "science", {"answer": "C", "choices": ["Volt", "Ohm", "Ampere", "Watt"]}),
            good(rel, 2, "mmlu", "science", {"answer": "A"}),
            good(rel, 3, "mmlu", "science", {"answer": "D"}),
            bad(rel, 4, UNCONV, "answer index 7 with 4 choices", adapter="mmlu"),
            bad(rel, 5, UNCONV, "choices is a string, not a list", adapter="mmlu")]
    adapter_file(rel, "mmlu", lines, rows,
                 "cais/mmlu rows: question, subject, choices (4), answer as a 0-based index. Science "
                 "(every subject, history too: the domain is the verifier's, not the topic). Answer "
                 "letter = 'ABCD'[answer].", "cais/mmlu")

    rel = a + "mmlu-pro.jsonl"
    opts10 = ["2 m/s", "4 m/s", "6 m/s", "8 m/s", "10 m/s", "12 m/s", "14 m/s", "16 m/s", "18 m/s", "20 m/s"]
    lines = [
        {"question_id": 70001, "question": "A cart starts at rest and accelerates at 2 m/s^2 for 9 s. What is its final speed?",
         "options": opts10, "answer": "I", "answer_index": 8,
         "cot_content": "", "category": "physics", "src": "ori_mmlu-high_school_physics"},
        {"question_id": 70002, "question": "Which of these is a prime number?", "options": ["21", "27", "29", "33"],
         "answer": "C", "answer_index": 2, "cot_content": "A: Let's think step by step. 29 has no divisors other than 1 and itself. The answer is (C).",
         "category": "math", "src": "stemez-fixture"},
        {"question_id": 70003, "question": "Pick the odd one out.", "options": opts10, "answer": "K", "answer_index": 10,
         "cot_content": "", "category": "other", "src": "theoremQA-fixture"},
        {"question_id": 70004, "question": "Which option is right?", "options": [], "answer": "A", "answer_index": 0,
         "cot_content": "", "category": "other", "src": "scibench-fixture"},
    ]
    rows = [good(rel, 1, "mmlu", "science", {"answer": "I", "choices.count": 10}),
            good(rel, 2, "mmlu", "science", {"answer": "C", "choices.count": 4}),
            bad(rel, 3, UNCONV, "answer 'K' is not a letter of the 10 options", adapter="mmlu"),
            bad(rel, 4, UNCONV, "options is empty", adapter="mmlu")]
    adapter_file(rel, "mmlu", lines, rows,
                 "TIGER-Lab/MMLU-Pro rows: question_id, question, options (up to 10, some rows fewer), "
                 "answer (a letter), answer_index, cot_content, category, src. Answer = the letter "
                 "(it agrees with answer_index in the good rows).", "TIGER-Lab/MMLU-Pro")
    MANIFEST[-1]["format_flag"] = "mmlu"

    # ifeval / ifbench --------------------------------------------------------------------------
    rel = a + "ifeval.jsonl"
    ifeval_null_kwargs = {k: None for k in ["capital_frequency", "capital_relation", "end_phrase", "first_word", "forbidden_words",
                                            "frequency", "keyword", "keywords", "language", "let_frequency", "let_relation", "letter",
                                            "nth_paragraph", "num_bullets", "num_highlights", "num_paragraphs", "num_placeholders",
                                            "num_sections", "num_sentences", "num_words", "postscript_marker", "prompt_to_repeat",
                                            "relation", "section_spliter"]}
    lines = [
        {"key": 9101, "prompt": "Write a short note to a neighbour about a lost cat. Use at least 40 words and do not use any commas.",
         "instruction_id_list": ["length_constraints:number_words", "punctuation:no_comma"],
         "kwargs": [{"relation": "at least", "num_words": 40}, {}]},
        {"key": 9102, "prompt": "List the benefits of walking as exactly 3 markdown bullet points, and include the keywords heart and sleep.",
         "instruction_id_list": ["detectable_format:number_bullet_lists", "keywords:existence"],
         "kwargs": [dict(ifeval_null_kwargs, num_bullets=3), dict(ifeval_null_kwargs, keywords=["heart", "sleep"])]},
        {"key": 9103, "prompt": "Explain what a compass does, in English and in all lowercase letters.",
         "instruction_id_list": ["change_case:english_lowercase"], "kwargs": [{}]},
        {"key": 9104, "prompt": "Write two sentences.", "instruction_id_list": ["length_constraints:number_sentences", "punctuation:no_comma"],
         "kwargs": [{"relation": "less than", "num_sentences": 3}]},
        {"key": 9105, "prompt": "Write a title.", "instruction_id_list": "detectable_format:title", "kwargs": [{}]},
    ]
    rows = [good(rel, 1, "ifeval", "instruction", {"instructions.ids": ["length_constraints:number_words", "punctuation:no_comma"],
                                                    "instructions[0].kwargs": {"relation": "at least", "num_words": 40}}),
            good(rel, 2, "ifeval", "instruction", {"instructions.ids": ["detectable_format:number_bullet_lists", "keywords:existence"],
                                                    "instructions[0].kwargs": {"num_bullets": 3},
                                                    "instructions[1].kwargs": {"keywords": ["heart", "sleep"]}}),
            good(rel, 3, "ifeval", "instruction", {"instructions.ids": ["change_case:english_lowercase"]}),
            bad(rel, 4, UNCONV, "2 instruction ids but 1 kwargs object", adapter="ifeval"),
            bad(rel, 5, UNCONV, "instruction_id_list is a string, not a list", adapter="ifeval")]
    adapter_file(rel, "ifeval", lines, rows,
                 "google-research instruction_following_eval input_data.jsonl rows (key as a number, "
                 "sparse kwargs, {} for none) and google/IFEval rows as Hugging Face stores them (line "
                 "2: every kwargs dict carries every key, null when unused). Choice: null kwargs are "
                 "dropped, as IFEval's evaluation and slime do, so line 2's kwargs are {num_bullets: 3} "
                 "and {keywords: [heart, sleep]}.", "google-research IFEval, google/IFEval")

    rel = a + "ifbench.jsonl"
    ifbench_null = {k: None for k in ["N", "capital_frequency", "capital_relation", "end_phrase", "first_word", "forbidden_words",
                                      "frequency", "keyword", "keyword1", "keyword2", "keyword3", "keyword4", "keyword5", "keywords",
                                      "language", "let_frequency", "let_relation", "letter", "m", "max_words", "min_words", "n",
                                      "n_end", "n_start", "nth_paragraph", "num_bullets", "num_highlights", "num_paragraphs",
                                      "num_placeholders", "num_sections", "num_sentences", "num_words", "options", "percentage",
                                      "postscript_marker", "prompt_to_repeat", "reference_text", "relation", "section_spliter",
                                      "sep", "small_n", "word"]}
    lines = [
        {"key": "9201", "prompt": "Describe your favourite tool. Your answer must be between 30 and 60 words long.",
         "instruction_id_list": ["count:word_count_range"], "kwargs": [dict(ifbench_null, min_words=30, max_words=60)]},
        {"key": "9202", "prompt": "Write about a river. Use the word stone at least 2 times and write in lowercase.",
         "instruction_id_list": ["keywords:frequency", "change_case:english_lowercase"],
         "kwargs": [dict(ifbench_null, keyword="stone", frequency=2, relation="at least"), dict(ifbench_null)]},
        {"key": "9203", "prompt": "Say hello.", "instruction_id_list": ["count:word_count_range"], "kwargs": None},
    ]
    rows = [good(rel, 1, "ifeval", "instruction", {"instructions.ids": ["count:word_count_range"],
                                                    "instructions[0].kwargs": {"min_words": 30, "max_words": 60}}),
            good(rel, 2, "ifeval", "instruction", {"instructions.ids": ["keywords:frequency", "change_case:english_lowercase"]}),
            bad(rel, 3, UNCONV, "kwargs is null", adapter="ifeval")]
    adapter_file(rel, "ifeval", lines, rows,
                 "allenai/IFBench IFBench_test.jsonl rows: key as a string, every kwargs dict carrying "
                 "every key of the IFBench registry (null when unused). Same adapter as IFEval.",
                 "allenai/IFBench")
    MANIFEST[-1]["format_flag"] = "ifeval"

    # auto-detection order ----------------------------------------------------------------------
    rel = a + "auto-order.jsonl"
    lines = [
        {"id": "order-1", "domain": "math", "prompt": "What is 4 + 4?", "answer": "8",
         "question": "What is 4 + 4?", "answer_text": "unused"},
        {"question": "What is 6 + 1?", "answer": "6+1=<<6+1=7>>7\n#### 7", "choices": ["6", "7", "8", "9"]},
        {"question": "Pick the even number.", "choices": ["3", "5", "8", "9"], "answer": 2},
        {"question": "What is 2 + 3?", "answer": "#### 5", "input_output": json.dumps({"inputs": ["\n"], "outputs": ["5\n"]})},
        {"problem": "What is 10 / 2?", "solution": "It is $\\boxed{5}$.", "data_source": "handmade",
         "prompt": [{"role": "user", "content": "What is 10 / 2?"}], "reward_model": {"style": "rule", "ground_truth": "5"}, "ability": "math"},
    ]
    rows = [good(rel, 1, "canonical", "math", {"id": "order-1", "answer": "8"}),
            good(rel, 2, "gsm8k", "math", {"answer": "7"}),
            good(rel, 3, "mmlu", "science", {"answer": "C"}),
            good(rel, 4, "gsm8k", "math", {"answer": "5"}),
            good(rel, 5, "verl", "math", {"answer": "5"})]
    add({"file": rel, "kind": "adapter", "adapter": "auto", "format_flag": None, **counts(rows), "read_error": None,
         "extract": {"ok": True}, "rows": rows, "shaped_like": "rows that several adapters could claim",
         "notes": "Auto-detection takes the FIRST adapter of the interface table whose key columns are "
                  "present: canonical, verl, slime, gsm8k, math, humaneval, mbpp, apps, livecodebench, "
                  "codecontests, gpqa, mmlu, ifeval. Line 2 has gsm8k's and mmlu's keys (gsm8k first); "
                  "line 3 has mmlu's keys and an answer without '####' (mmlu); line 4 has gsm8k's and "
                  "apps' keys (gsm8k comes first in the table); line 5 has verl's and math's keys (verl)."})
    write(rel, jlines(lines))


# ---------------------------------------------------------------------------------------------
# 3. Hostile archives
# ---------------------------------------------------------------------------------------------

OK2 = [{"id": "h-ok-1", "domain": "math", "prompt": "What is 1 + 2?", "answer": "3"},
       {"id": "h-ok-2", "domain": "math", "prompt": "What is 2 + 5?", "answer": "7"}]
EVIL = [{"id": "h-evil", "domain": "math", "prompt": "This entry must never be written outside DIR.", "answer": "0"}]
GSM_LINE = {"question": "A box holds 3 red and 4 blue marbles. How many marbles are in the box?",
            "answer": "There are 3+4=<<3+4=7>>7 marbles.\n#### 7"}


def hostile(rel, rows, extract, notes, read_error=None, **extra):
    e = {"file": rel, "kind": "hostile"}
    e.update(counts(rows) if rows is not None else {"records": None, "converted": None, "rejected": None, "domains": None})
    e["read_error"] = read_error
    e["extract"] = extract
    e["rows"] = rows
    e.update(extra)
    e["notes"] = notes
    return add(e)


def refuse(code, entry, must_not_exist=(), also=None):
    r = {"ok": False, "code": code, "entry": entry}
    if must_not_exist:
        r["must_not_exist"] = list(must_not_exist)
    if also:
        r["also_acceptable"] = also
    return r


def ok_rows(rel, entry, objs=OK2, first_line=1):
    return [{"location": loc(rel, entry, line=first_line + i), "result": "converted", "adapter": "canonical",
             "domain": o["domain"], "expect": {"id": o["id"]}} for i, o in enumerate(objs)]


def make_hostile(check):
    h = "hostile/"
    okj, evj = jlines(OK2), jlines(EVIL)
    partial = ("Entries before the bad one may have been written inside DIR; nothing outside DIR may "
               "exist afterwards (must_not_exist is relative to DIR).")
    read_ok = "Reading never writes, so the entry's records are read like any other's (only extract refuses it). "

    # Paths -------------------------------------------------------------------------------------
    for rel, bad_name, outside, what in (
            (h + "traversal.tar", "../m2rl-evil.jsonl", "../m2rl-evil.jsonl", "a '..' component"),
            (h + "traversal-nested.tar", "data/../../m2rl-evil.jsonl", "../m2rl-evil.jsonl", "a '..' that climbs out after a folder"),
            (h + "absolute.tar", "/tmp/m2rl-evil.jsonl", "/tmp/m2rl-evil.jsonl", "an absolute path")):
        write(rel, tar_bytes([F("ok.jsonl", okj), F(bad_name, evj)]))
        rows = ok_rows(rel, "ok.jsonl") + ok_rows(rel, bad_name, EVIL)
        hostile(rel, rows, refuse("unsafe_path", bad_name, [outside]), f"A tar entry named {bad_name!r} ({what}). " + read_ok + partial)
    for rel, bad_name, outside, what in (
            (h + "traversal.zip", "../m2rl-evil.jsonl", "../m2rl-evil.jsonl", "zip slip"),
            (h + "absolute.zip", "/tmp/m2rl-evil.jsonl", "/tmp/m2rl-evil.jsonl", "an absolute path")):
        write(rel, zip_bytes([("ok.jsonl", okj), (bad_name, evj)]))
        rows = ok_rows(rel, "ok.jsonl") + ok_rows(rel, bad_name, EVIL)
        hostile(rel, rows, refuse("unsafe_path", bad_name, [outside]), f"A zip entry named {bad_name!r} ({what}). " + read_ok + partial)

    # Links -------------------------------------------------------------------------------------
    skip = "Links are not regular entries: reading skips them (and never follows them). "
    for rel, members, code, entry, gone, note in (
            (h + "symlink-absolute.tar", [F("ok.jsonl", okj), L("link", "/etc/passwd")], "unsafe_link", "link", [],
             "A symlink to /etc/passwd."),
            (h + "symlink-parent.tar", [F("ok.jsonl", okj), L("link", "../../x")], "unsafe_link", "link", [],
             "A symlink to ../../x (leaves DIR)."),
            (h + "symlink-escape-write.tar", [F("ok.jsonl", okj), L("esc", "/tmp"), F("esc/m2rl-evil.jsonl", evj)], "unsafe_link", "esc",
             ["/tmp/m2rl-evil.jsonl"], "A symlink esc -> /tmp, then a regular entry esc/m2rl-evil.jsonl written through it. "
             "The link is refused first; the later entry must not reach /tmp. The regular entry's record is read."),
            (h + "symlink-chain.tar", [F("ok.jsonl", okj), D("a/"), L("a/b", ".."), L("a/c", "b/.."), F("a/c/m2rl-evil.jsonl", evj)],
             "unsafe_link", "a/c", ["../m2rl-evil.jsonl"],
             "a/b -> '..' is DIR itself (inside). a/c -> 'b/..' is inside when read as text (a/b/.. = a) but "
             "on disk a/b is DIR, so a/c is DIR's parent: an escape that only resolving links on disk "
             "catches. Then a/c/m2rl-evil.jsonl would land beside DIR. Refused at a/c (unsafe_link) or at the "
             "write through it (unsafe_path)."),
            (h + "hardlink-absolute.tar", [F("ok.jsonl", okj), H("hl", "/etc/passwd")], "unsafe_link", "hl", [],
             "A hardlink to /etc/passwd: linking it into DIR would let a later write change /etc/passwd."),
            (h + "hardlink-parent.tar", [F("ok.jsonl", okj), H("hl", "../m2rl-outside.jsonl")], "unsafe_link", "hl", [],
             "A hardlink to ../m2rl-outside.jsonl (leaves DIR)."),
    ):
        write(rel, tar_bytes(members))
        rows = ok_rows(rel, "ok.jsonl")
        if any(m["name"].endswith("m2rl-evil.jsonl") for m in members):
            rows += ok_rows(rel, [m for m in members if m["name"].endswith("m2rl-evil.jsonl")][0]["name"], EVIL)
        also = ["unsafe_path"] if "chain" in rel else None
        hostile(rel, rows, refuse(code, entry, gone, also), note + " " + skip + partial)

    rel = h + "symlink-inside.tar"
    write(rel, tar_bytes([D("sub/"), F("sub/ok.jsonl", okj), L("alias", "sub"), L("sub/again.jsonl", "ok.jsonl")]))
    hostile(rel, ok_rows(rel, "sub/ok.jsonl"), {"ok": True, "files": ["sub/ok.jsonl"], "symlinks": {"alias": "sub", "sub/again.jsonl": "ok.jsonl"}},
            "Symlinks that stay inside DIR (alias -> sub, sub/again.jsonl -> ok.jsonl): allowed; extract "
            "writes them as symlinks. " + skip)
    rel = h + "symlink-inside-write.tar"
    write(rel, tar_bytes([D("sub/"), L("alias", "sub"), F("alias/x.jsonl", okj)]))
    hostile(rel, ok_rows(rel, "alias/x.jsonl"), refuse("unsafe_path", "alias/x.jsonl", [], ["unsafe_link"]),
            "A symlink inside (alias -> sub), then a regular entry alias/x.jsonl written through it. Its "
            "target (DIR/sub/x.jsonl) is inside, but CHOICE: writing through any symlink is refused, "
            "as libarchive's ARCHIVE_EXTRACT_SECURE_SYMLINKS does (bsdtar's default). An implementation "
            "that resolves the path on disk and accepts it would have to change this expectation to "
            "ok. Reading: the regular entry's record is read.")
    rel = h + "hardlink-inside.tar"
    write(rel, tar_bytes([F("a.jsonl", okj), H("b.jsonl", "a.jsonl")]))
    hostile(rel, ok_rows(rel, "a.jsonl"), {"ok": True, "files": ["a.jsonl", "b.jsonl"], "hardlinks": {"b.jsonl": "a.jsonl"}},
            "A hardlink b.jsonl -> a.jsonl inside the archive: extract makes the link. Choice: reading "
            "gives b.jsonl no records (a tar hardlink entry carries no data; libarchive reports size 0), "
            "so records are a.jsonl's only.")

    # Special files -----------------------------------------------------------------------------
    for rel, m, note in (
            (h + "chardev.tar", {"name": "dev/null-ish", "type": "chr", "devmajor": 1, "devminor": 3}, "A character device (1,3) entry."),
            (h + "blockdev.tar", {"name": "dev/disk-ish", "type": "blk", "devmajor": 8, "devminor": 0}, "A block device (8,0) entry."),
            (h + "fifo.tar", {"name": "pipe", "type": "fifo"}, "A FIFO entry.")):
        write(rel, tar_bytes([F("ok.jsonl", okj), m]))
        hostile(rel, ok_rows(rel, "ok.jsonl"), refuse("special_file", m["name"]), note + " Reading skips it. " + partial)
    rel = h + "socket.cpio"
    write(rel, cpio_newc([("ok.jsonl", 0o100644, okj), ("sock", 0o140755, b"")]))
    hostile(rel, ok_rows(rel, "ok.jsonl"), refuse("special_file", "sock"),
            "A cpio (newc) archive with a socket entry (tar cannot hold sockets). Reading skips it. " + partial)

    # Bombs -------------------------------------------------------------------------------------
    gsm = jline(GSM_LINE)
    rel = h + "bomb.jsonl.gz"
    nl = 80 * MIB
    data_chunks = [jlines(OK2)] + [b"\n" * MIB] * (nl // MIB) + [jline(EVIL[0])]
    write(rel, gz_stream(data_chunks))
    hostile(rel, ok_rows(rel, None), refuse("bomb", None), read_error="bomb", expanded_bytes=sum(map(len, data_chunks)),
            notes="A gzip bomb: two records, then 80 MiB of newlines (blank lines, no records; deflate "
                  "packs them ~1000:1), then one more record that must never be reached. The ratio "
                  "passes 200:1 as soon as 64 MiB are expanded. Records before the stop: exactly the "
                  "first two.")
    rel = h + "bomb.zip"
    body = jlines(OK2) + b"\n" * (80 * MIB) + jline(EVIL[0])
    write(rel, zip_bytes([("bomb.jsonl", body), ("after.jsonl", evj)]))
    hostile(rel, ok_rows(rel, "bomb.jsonl"), refuse("bomb", "bomb.jsonl"), read_error="bomb", expanded_bytes=len(body) + len(evj),
            notes="A zip bomb (deflate): entry bomb.jsonl = two records, 80 MiB of newlines, one record; "
                  "then after.jsonl (never reached). Records before the stop: exactly two.")
    del body
    rel = h + "bomb.tar.zst"
    big = 300 * MIB

    # Stream the tar: header + data for a.jsonl, then bomb.jsonl (300 MiB of newlines + 1 record).
    hdr_a = tarfile.TarInfo("a.jsonl"); hdr_a.size = len(okj); hdr_a.mtime = MTIME; hdr_a.mode = 0o644; hdr_a.uname = hdr_a.gname = "root"
    tail = jline(EVIL[0])
    hdr_b = tarfile.TarInfo("bomb.jsonl"); hdr_b.size = big + len(tail); hdr_b.mtime = MTIME; hdr_b.mode = 0o644; hdr_b.uname = hdr_b.gname = "root"

    def chunks():
        yield hdr_a.tobuf(tarfile.USTAR_FORMAT) + okj + b"\0" * ((512 - len(okj) % 512) % 512)
        yield hdr_b.tobuf(tarfile.USTAR_FORMAT)
        for _ in range(big // MIB):
            yield b"\n" * MIB
        yield tail + b"\0" * ((512 - (big + len(tail)) % 512) % 512)
        yield b"\0" * 1024
    write(rel, zst(chunks=chunks(), level=19))
    hostile(rel, ok_rows(rel, "a.jsonl"), refuse("bomb", "bomb.jsonl"), read_error="bomb", expanded_bytes=big + 4096,
            notes="A tar bomb (tar + zstd): a.jsonl (two records), then bomb.jsonl = 300 MiB of newlines "
                  "and one record. zstd packs it ~15000:1. Records before the stop: exactly a.jsonl's "
                  "two; the error names bomb.jsonl.")
    rel = h + "bomb-zeros.jsonl.gz"
    pre_n = MIB // len(gsm) + 1
    chunks0 = [gsm * pre_n] + [b"\0" * MIB] * 80
    write(rel, gz_stream(chunks0))
    rows = [{"location": loc(rel, line=i + 1), "result": "converted", "adapter": "gsm8k", "domain": "math"} for i in range(pre_n)]
    e = hostile(rel, rows, refuse("bomb", None), read_error="bomb", expanded_bytes=sum(map(len, chunks0)),
                notes=f"The classic bomb: {pre_n} GSM8K lines (just over 1 MiB), then 80 MiB of NUL bytes in "
                      "ONE line. The total passes 64 MiB about 1 MiB before that line passes the 64 MiB "
                      "record limit, so `bomb` must come first (if the ratio is checked at least once per "
                      "MiB). Records before the stop: exactly the GSM8K lines (all converted).")
    e["rows"] = rows[:3] + [{"...": f"{pre_n - 4} more alike"}] + rows[-1:]
    rel = h + "highratio-small.jsonl.gz"
    blank = 32 * MIB - 4096
    body_chunks = [jlines(OK2), jline(EVIL[0] | {"id": "h-after-blanks", "prompt": "Reached after 32 MiB of blank lines."})]
    chunks1 = [body_chunks[0]] + [b"\n" * MIB] * (blank // MIB) + [b"\n" * (blank % MIB), body_chunks[1]]
    write(rel, gz_stream(chunks1))
    rows = ok_rows(rel, None) + [{"location": loc(rel, line=2 + blank + 1), "result": "converted", "adapter": "canonical",
                                  "domain": "math", "expect": {"id": "h-after-blanks"}}]
    hostile(rel, rows, {"ok": True}, read_error=None, expanded_bytes=sum(map(len, chunks1)),
            notes="NOT a bomb: ~1000:1 but only 32 MiB expanded (under the 64 MiB floor), so it reads to the "
                  f"end: two records, {blank} blank lines (not records, but counted in line numbers), "
                  f"one more record at line {2 + blank + 1}.")

    # Entry counts ------------------------------------------------------------------------------
    for n, err in ((100000, None), (100001, "too_many_entries")):
        rel = h + f"entries-{n}.tar.zst"
        hdr = tarfile.TarInfo("data.jsonl"); hdr.size = len(okj); hdr.mtime = MTIME; hdr.mode = 0o644; hdr.uname = hdr.gname = "root"
        e0 = tarfile.TarInfo("empty/e"); e0.size = 0; e0.mtime = MTIME; e0.mode = 0o644; e0.uname = e0.gname = "root"
        eb = e0.tobuf(tarfile.USTAR_FORMAT)

        def ch(n=n, hdr=hdr, eb=eb):
            yield hdr.tobuf(tarfile.USTAR_FORMAT) + okj + b"\0" * ((512 - len(okj) % 512) % 512)
            left = n - 1
            while left:
                k = min(left, 10000)
                yield eb * k
                left -= k
            yield b"\0" * 1024
        write(rel, zst(chunks=ch(), level=19))
        hostile(rel, ok_rows(rel, "data.jsonl"),
                {"ok": True, "files": ["data.jsonl", "empty/e"]} if err is None else refuse("too_many_entries", None),
                read_error=err, entries=n,
                notes=f"{n:,} entries: data.jsonl (two records) then {n - 1:,} empty regular files all named "
                      "empty/e (the same name keeps the file at a few KB; 51 MB of tar headers). "
                      + ("Exactly at the limit: reads fine." if err is None else
                         "One over the limit: the read stops with too_many_entries after data.jsonl's two records."))

    # Damage ------------------------------------------------------------------------------------
    rnd = random.Random(606)

    def gsm_rows(k, salt):
        out = []
        for i in range(k):
            a_, b_ = rnd.randint(10, 999), rnd.randint(10, 999)
            out.append({"question": f"[{salt}-{i}] A crate has {a_} bolts and {b_} nuts. How many parts is that?",
                        "answer": f"{a_}+{b_}=<<{a_}+{b_}={a_ + b_}>>{a_ + b_} parts.\n#### {a_ + b_}"})
        return out

    a_rows, b_rows = gsm_rows(5, "a"), gsm_rows(400, "b")
    # b.jsonl: 4,000 alike GSM8K lines (~560 KB that gzip packs into ~2 KB), then the 400 distinct
    # rows where the damage goes. libarchive reads ahead when it opens an archive and decodes in
    # blocks: damage within the first few blocks fails the open itself, with no records at all.
    filler = jline(GSM_LINE) * 4000
    b_data = filler + jlines(b_rows)
    tar_d = tar_bytes([F("a.jsonl", jlines(a_rows)), F("b.jsonl", b_data)])
    full = gz(tar_d)
    filler_end = len(gz(tar_bytes([F("a.jsonl", jlines(a_rows)), F("b.jsonl", filler)]))) - 30
    rel = h + "truncated.tar.gz"
    cut = full[:(filler_end + len(full)) // 2]
    write(rel, cut)
    lo, hi = count_prefix_lines(cut, tar_d, "b.jsonl", b_data)
    hostile(rel, None, refuse("archive_corrupt", "b.jsonl"), read_error="archive_corrupt",
            records_min=5, records_max=5 + hi, error_entry="b.jsonl",
            notes=f"A tar.gz cut short ({len(cut)} of {len(full)} bytes), inside b.jsonl's data. a.jsonl's "
                  f"5 GSM8K records come first; b.jsonl starts with 4,000 alike lines (~560 KB expanded, so "
                  "the damage is well past libarchive's first read-ahead); then some of b.jsonl's complete "
                  f"lines (at most {hi}, what "
                  "zlib recovers from the prefix); then archive_corrupt naming b.jsonl. Every delivered "
                  "record converts (gsm8k). Choice: the partial line at the cut is not a record.")
    MANIFEST[-1]["rejected"] = 0

    rel = h + "corrupt.tar.gz"
    with tarfile.open(fileobj=io.BytesIO(tar_d)) as tf:
        split = tf.getmember("b.jsonl").offset_data + len(filler)
    whole, blocks = gz_stored_tail(tar_d[:split], tar_d[split:])
    victim = blocks[len(blocks) // 2]          # (offset of the stored block's header, offset of its data in tar_d)
    bad_bytes = bytearray(whole)
    bad_bytes[victim[0] + 3] ^= 0xFF           # NLEN's low byte: LEN and NLEN no longer agree
    write(rel, bytes(bad_bytes))
    assert zlib_prefix(bytes(bad_bytes)) == (tar_d[:victim[1]], True)
    _, hi2 = lines_in_prefix(tar_d, tar_d[:victim[1]], "b.jsonl")
    hostile(rel, None, refuse("archive_corrupt", "b.jsonl"), read_error="archive_corrupt",
            records_min=5, records_max=5 + hi2, error_entry="b.jsonl", flipped_offset=victim[0] + 3,
            notes=f"The tar of truncated.tar.gz, gzipped whole (its last {len(tar_d) - split:,} bytes, b.jsonl's "
                  f"distinct rows, as 4 KiB stored deflate blocks), with byte {victim[0] + 3} of {len(whole)} "
                  "flipped (XOR 0xFF): the NLEN field of a stored block in the middle. Inflate fails exactly "
                  "there ('invalid stored block lengths'), so everything decoded before is a prefix of the "
                  "original: every delivered record converts (no garbage lines), a.jsonl's 5 first, then at "
                  f"most {hi2} of b.jsonl's lines; then archive_corrupt naming b.jsonl.")
    MANIFEST[-1]["rejected"] = 0

    rel = h + "corrupt-header.tar"
    t = bytearray(tar_bytes([F("a.jsonl", jlines(a_rows)), F("b.jsonl", jlines(b_rows[:3])), F("c.jsonl", jlines(b_rows[3:6]))]))
    off_b = 512 + ((len(jlines(a_rows)) + 511) // 512) * 512
    t[off_b + 148:off_b + 156] = b"0000000\0"
    write(rel, bytes(t))
    rows = [{"location": loc(rel, "a.jsonl", line=i + 1), "result": "converted", "adapter": "gsm8k", "domain": "math"} for i in range(5)]
    hostile(rel, rows, refuse("archive_corrupt", None), read_error="archive_corrupt", error_after_entry="a.jsonl",
            notes="A tar whose second header (b.jsonl) has a wrong checksum. libarchive returns "
                  "ARCHIVE_RETRY ('Damaged tar archive') and can skip ahead to c.jsonl (bsdtar -t lists "
                  "a.jsonl and c.jsonl and exits 0). CHOICE, per the interface: stop with "
                  "archive_corrupt after a.jsonl's 5 records; skipping a damaged entry silently would lose "
                  "records without an error.")

    zd = zip_bytes([("a.jsonl", jlines(a_rows)), ("b.jsonl", jlines(b_rows))])
    rel = h + "truncated-cd.zip"
    first_cd = zd.find(b"PK\x01\x02")
    write(rel, zd[:first_cd + 30])
    rows = [{"location": loc(rel, "a.jsonl", line=i + 1), "result": "converted", "adapter": "gsm8k", "domain": "math"} for i in range(5)]
    rows += [{"location": loc(rel, "b.jsonl", line=i + 1), "result": "converted", "adapter": "gsm8k", "domain": "math"} for i in range(400)]
    e = hostile(rel, rows, {"ok": True, "files": ["a.jsonl", "b.jsonl"]}, read_error=None,
                notes="A zip cut 30 bytes into its central directory (no end-of-central-directory record). "
                      "libarchive then reads the zip as a stream of local headers: both entries are whole, "
                      "and the reader stops at the central directory's signature without an error "
                      "(bsdtar -t lists both and exits 0). CHOICE: follow libarchive — all 405 records, no "
                      "error. A reader that insists on the central directory would report archive_corrupt "
                      "with 0 records instead.")
    e["rows"] = rows[:6] + [{"...": "398 more alike"}] + rows[-1:]
    rel = h + "truncated-data.zip"
    second = zd.find(b"PK\x03\x04", 4)
    write(rel, zd[:second + 200])
    nlen, xlen = int.from_bytes(zd[second + 26:second + 28], "little"), int.from_bytes(zd[second + 28:second + 30], "little")
    got = zlib.decompressobj(-15).decompress(zd[second + 30 + nlen + xlen:second + 200])
    assert jlines(b_rows).startswith(got)
    got_lines = got.count(b"\n")
    hostile(rel, None, refuse("archive_corrupt", "b.jsonl"), read_error="archive_corrupt", records_min=5, records_max=5 + got_lines,
            error_entry="b.jsonl",
            notes="A zip cut 200 bytes into b.jsonl (its local header and a little deflate data). a.jsonl's "
                  f"5 records, then at most {got_lines} of b.jsonl's lines (what inflate recovers), then "
                  "archive_corrupt naming b.jsonl.")
    MANIFEST[-1]["rejected"] = 0
    if got_lines == 0:                         # the prefix holds no complete line of b.jsonl: exact
        MANIFEST[-1].update(records=5, converted=5, domains={"math": 5},
                            rows=[{"location": loc(rel, "a.jsonl", line=i + 1), "result": "converted", "adapter": "gsm8k",
                                   "domain": "math"} for i in range(5)])

    # Lines -------------------------------------------------------------------------------------
    rel = h + "bad-utf8.jsonl"
    g = lambda i: jline({"id": f"u-{i}", "domain": "math", "prompt": f"What is {i} + {i}?", "answer": str(2 * i)})
    parts = [g(1),
             b'{"id": "u-bad-ff", "domain": "math", "prompt": "caf\xff", "answer": "1"}\n',
             g(3),
             b'{"id": "u-bad-overlong", "domain": "math", "prompt": "\xc0\xaf", "answer": "1"}\n',
             b'{"id": "u-bad-surrogate", "domain": "math", "prompt": "\xed\xa0\x80", "answer": "1"}\n',
             b'{"id": "u-bad-cut", "domain": "math", "prompt": "\xe2\x82", "answer": "1"}\n',
             b'{"id": "u-bad-key\xfe", "domain": "math", "answer": "1"}\n',
             g(8),
             b'{"id": "u-ok-escaped", "domain": "math", "prompt": "caf\\u00e9 \\ud83d\\ude00", "answer": "1"}\n']
    write(rel, b"".join(parts))
    rows = [good(rel, 1, "canonical", "math", {"id": "u-1"}),
            bad(rel, 2, ["bad_utf8"], "0xFF byte inside a string"),
            good(rel, 3, "canonical", "math", {"id": "u-3"}),
            bad(rel, 4, ["bad_utf8"], "overlong encoding C0 AF of '/'"),
            bad(rel, 5, ["bad_utf8"], "UTF-8-encoded surrogate ED A0 80"),
            bad(rel, 6, ["bad_utf8"], "a 3-byte sequence cut after 2 bytes"),
            bad(rel, 7, ["bad_utf8"], "0xFE byte inside a key"),
            good(rel, 8, "canonical", "math", {"id": "u-8"}),
            good(rel, 9, "canonical", "math", {"id": "u-ok-escaped", "prompt": "café 😀"})]
    hostile(rel, rows, {"ok": True},
            "Invalid UTF-8 in five lines; each is rejected with bad_utf8 and its location, and reading "
            "goes on. Line 9 is valid: \\u escapes, including a surrogate pair, are JSON, not raw bytes. "
            "(Never replace bad bytes with U+FFFD and accept the record.)")
    rel = h + "bad-json.jsonl"
    parts = [g(1), b"\n", b'{"id": "j-cut", "domain": "math",\n', b"not json at all\n", g(5), b'{"id": "j-trailing", "domain": "math", "answer": "1"} x\n',
             b"[1, 2, 3]\n", b'"just a string"\n', b"   \n", g(10), b'{"id": "j-nan", "domain": "math", "answer": NaN}\n', g(12)]
    write(rel, b"".join(parts))
    rows = [good(rel, 1, "canonical", "math", {"id": "u-1"}),
            bad(rel, 3, ["bad_json"], "an object cut short"),
            bad(rel, 4, ["bad_json"], "not JSON"),
            good(rel, 5, "canonical", "math", {"id": "u-5"}),
            bad(rel, 6, ["bad_json"], "trailing garbage after the object"),
            bad(rel, 7, ["not_an_object", "bad_json", "unconvertible"], "a JSON array in the middle of JSON Lines (the entry's first byte is '{', so this is a line)"),
            bad(rel, 8, ["not_an_object", "bad_json", "unconvertible"], "a JSON string, not an object"),
            good(rel, 10, "canonical", "math", {"id": "u-10"}),
            bad(rel, 11, ["bad_json"], "NaN is not JSON"),
            good(rel, 12, "canonical", "math", {"id": "u-12"})]
    hostile(rel, rows, {"ok": True},
            "Bad JSON lines mixed with good ones; lines 2 and 9 are blank (not records). The interface "
            "names bad_json; a valid JSON value that is not an object (lines 7-8) is rejected too "
            "(not_an_object, or bad_json).")
    rel = h + "duplicate-key.jsonl"
    write(rel, g(1) + b'{"id": "j-dup-a", "domain": "math", "prompt": "What is 2 + 2?", "answer": "4", "answer": "5"}\n' + g(3))
    rows = [good(rel, 1, "canonical", "math", {"id": "u-1"}),
            bad(rel, 2, ["bad_json", "unconvertible"], "the key 'answer' appears twice, with different values"),
            good(rel, 3, "canonical", "math", {"id": "u-3"})]
    hostile(rel, rows, {"ok": True},
            "A record with a duplicate key ('answer': '4' then '5'). JSON leaves this undefined; Python's "
            "json keeps the last value, other parsers the first. CHOICE: reject the record (bad_json), "
            "because two tools reading the same file would otherwise score against different gold "
            "answers (a parser differential). If m2rl settles on last-one-wins instead, change this "
            "entry to converted with answer '5'.")

    rel = h + "longline-50mb.jsonl.zst"
    head = b'{"id": "long-1", "domain": "math", "answer": "1", "prompt": "'
    tailb = b'"}\n'
    fill = 50_000_000 - len(head) - len(tailb) + 1   # the line (with its newline) is 50,000,001 bytes
    line2 = jline({"id": "long-2", "domain": "math", "prompt": "What is 1 + 1?", "answer": "2"})

    def lchunks():
        yield head
        left = fill
        while left:
            k = min(left, MIB)
            yield b"x" * k
            left -= k
        yield tailb
        yield line2
    write(rel, zst(chunks=lchunks(), level=19))
    rows = [good(rel, 1, "canonical", "math", {"id": "long-1", "prompt.length": fill}), good(rel, 2, "canonical", "math", {"id": "long-2"})]
    hostile(rel, rows, {"ok": True},
            f"Line 1 is one 50,000,000-byte record (plus its newline): a math problem whose prompt is {fill:,} "
            "x's. It is under the 64 MiB record limit and under the 64 MiB bomb floor, so by default both "
            "lines convert. With --max-record-bytes 1048576, line 1 is rejected (record_too_large) and "
            "line 2 still converts. (A line over 64 MiB cannot be stored this small without also "
            "tripping the bomb check, which is why there is no such fixture.)",
            with_flags=[{"flags": ["--max-record-bytes", "1048576"], "records": 2, "converted": 1, "rejected": 1,
                         "rows": [bad(rel, 1, ["record_too_large"], "longer than 1 MiB"), good(rel, 2, "canonical", "math", {"id": "long-2"})]}])

    rel = h + "bad-array.json"
    write(rel, b'[{"id": "arr-1", "domain": "math", "answer": "1"}, {"id": "arr-2", "domain": "math", "answer": ')
    hostile(rel, None, {"ok": True}, records_min=1, records_max=2,
            notes="A JSON array cut short. CHOICE: the entry is one rejected record (bad_json, location "
                  "$FILE:[0] or $FILE:0); a streaming array reader that first delivers arr-1 and then "
                  "rejects the rest is also acceptable (records 2: 1 converted + 1 bad_json). "
                  "Either way read == converted + rejected and no read error.")


def zlib_prefix(data):
    """What inflate recovers from a (possibly cut or damaged) gzip stream, and whether it failed."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    try:
        for i in range(len(data)):              # byte by byte: the output stops exactly at the error
            out += d.decompress(data[i:i + 1])
    except zlib.error:
        return bytes(out), True
    return bytes(out), False


def lines_in_prefix(tar_d, prefix, entry):
    """Complete lines of `entry` within `prefix` of the tar bytes `tar_d`."""
    with tarfile.open(fileobj=io.BytesIO(tar_d)) as tf:
        m = tf.getmember(entry)
        start, size = m.offset_data, m.size
    avail = max(0, min(len(prefix) - start, size))
    return start, prefix[start:start + avail].count(b"\n")


def count_prefix_lines(cut, tar_d, entry, entry_data):
    out, _ = zlib_prefix(cut)
    assert tar_d.startswith(out)
    return lines_in_prefix(tar_d, out, entry)


def gz_stored_tail(head, tail, block=4096):
    """A gzip member: `head` deflated (level 9, then a full flush to a byte boundary), then `tail`
    as stored blocks of `block` bytes. Returns the bytes and, per stored block, (offset of its
    header in the file, offset of its data in head + tail)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = bytearray(c.compress(head) + c.flush(zlib.Z_FULL_FLUSH))
    hdr = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    blocks = []
    for i in range(0, len(tail), block):
        chunk = tail[i:i + block]
        blocks.append((len(hdr) + len(body), len(head) + i))
        body += b"\x00" + len(chunk).to_bytes(2, "little") + (len(chunk) ^ 0xFFFF).to_bytes(2, "little") + chunk
    body += b"\x01\x00\x00\xff\xff"
    data = head + tail
    return hdr + bytes(body) + zlib.crc32(data).to_bytes(4, "little") + (len(data) & 0xFFFFFFFF).to_bytes(4, "little"), blocks


# ---------------------------------------------------------------------------------------------
# 4. The embedded multi-domain sample set and its score requests
# ---------------------------------------------------------------------------------------------

def frac_tex(fr):
    if fr.denominator == 1:
        return str(fr.numerator)
    s = "-" if fr < 0 else ""
    return f"{s}\\frac{{{abs(fr.numerator)}}}{{{fr.denominator}}}"


def math_problems(rng, n):
    out = []
    kinds = ["add", "mul", "sub", "linear", "frac", "gcd", "lcm", "comb", "series", "mod", "rect", "power", "mean", "percent"]
    for i in range(n):
        k = kinds[i % len(kinds)]
        if k == "add":
            a, b = rng.randint(100, 999), rng.randint(100, 999); p, ans = f"What is {a} + {b}?", str(a + b)
        elif k == "mul":
            a, b = rng.randint(12, 99), rng.randint(12, 99); p, ans = f"Compute ${a} \\times {b}$.", str(a * b)
        elif k == "sub":
            a, b = rng.randint(10, 99), rng.randint(100, 300); p, ans = f"What is {a} - {b}?", str(a - b)
        elif k == "linear":
            x, a, b = rng.randint(-20, 20), rng.randint(2, 9), rng.randint(1, 50)
            p, ans = f"Solve for $x$: ${a}x + {b} = {a * x + b}$.", str(x)
        elif k == "frac":
            q = rng.choice([3, 4, 5, 6, 7, 8, 9, 10, 12]); pn = rng.randint(1, q - 1); m = rng.randint(2, 6)
            p, ans = f"Write $\\frac{{{pn * m}}}{{{q * m}}}$ in lowest terms.", frac_tex(Fraction(pn, q))
        elif k == "gcd":
            g = rng.randint(2, 15); a, b = g * rng.randint(2, 20), g * rng.randint(2, 20)
            p, ans = f"What is the greatest common divisor of {a} and {b}?", str(gcd(a, b))
        elif k == "lcm":
            a, b = rng.randint(2, 30), rng.randint(2, 30)
            p, ans = f"What is the least common multiple of {a} and {b}?", str(a * b // gcd(a, b))
        elif k == "comb":
            nn = rng.randint(5, 12); kk = rng.randint(2, nn - 2)
            p, ans = f"In how many ways can {kk} students be chosen from a class of {nn}?", str(comb(nn, kk))
        elif k == "series":
            m = rng.randint(10, 200); p, ans = f"What is $1 + 2 + \\cdots + {m}$?", str(m * (m + 1) // 2)
        elif k == "mod":
            a, m = rng.randint(100, 5000), rng.randint(3, 17); p, ans = f"What is the remainder when {a} is divided by {m}?", str(a % m)
        elif k == "rect":
            w, h = rng.randint(2, 40), rng.randint(2, 40); p, ans = f"A rectangle is {w} cm by {h} cm. What is its area in square centimetres?", str(w * h)
        elif k == "power":
            b, e = rng.randint(2, 9), rng.randint(2, 5); p, ans = f"Compute ${b}^{{{e}}}$.", str(b ** e)
        elif k == "mean":
            xs = [rng.randint(1, 20) for _ in range(rng.randint(3, 5))]
            p, ans = f"What is the mean of {', '.join(map(str, xs))}?", frac_tex(Fraction(sum(xs), len(xs)))
        else:
            pct, base = rng.choice([10, 20, 25, 50, 75]), rng.randint(1, 40) * 4
            p, ans = f"What is {pct}% of {base}?", frac_tex(Fraction(pct * base, 100))
        out.append({"id": f"sample-math-{i + 1:04d}", "domain": "math", "prompt": p + " Put the final answer in \\boxed{}.",
                    "answer": ans, "_kind": k})
    return out


# Code templates: (kind, statement, solution source, wrong source, case maker, extra)
def code_templates():
    T = []

    def stdio(name, statement, sol, wrong, mk):
        T.append({"name": name, "kind": "stdio", "statement": statement, "sol": sol, "wrong": wrong, "mk": mk})

    def call(name, fn, statement, sol, wrong, mk):
        T.append({"name": name, "kind": "call", "fn": fn, "statement": statement, "sol": sol, "wrong": wrong, "mk": mk})

    def asrt(name, fn, statement, sol, wrong, mk):
        T.append({"name": name, "kind": "assert", "fn": fn, "statement": statement, "sol": sol, "wrong": wrong, "mk": mk})

    stdio("sum-plus-k", lambda k: f"The first line holds n, the second n integers. Print their sum plus {k}.",
          lambda k: f"n = int(input())\nxs = list(map(int, input().split()))\nprint(sum(xs) + {k})\n",
          lambda k: f"n = int(input())\nxs = list(map(int, input().split()))\nprint(sum(xs) + {k + 1})\n",
          lambda r, k: (lambda xs: f"{len(xs)}\n{' '.join(map(str, xs))}\n")([r.randint(-50, 50) for _ in range(r.randint(1, 8))]))
    stdio("reverse-line", lambda k: "Read one line of text and print it reversed.",
          lambda k: "s = input()\nprint(s[::-1])\n",
          lambda k: "s = input()\nprint(s)\n",
          lambda r, k: "".join(r.choice("abcdefxyz") for _ in range(r.randint(3, 12))) + "\n")
    stdio("count-char", lambda k: f"Read one line and print how many times the letter '{k}' occurs in it.",
          lambda k: f"print(input().count({k!r}))\n",
          lambda k: f"print(input().count({k!r}) + 1)\n",
          lambda r, k: "".join(r.choice("abcab" + k) for _ in range(r.randint(4, 15))) + "\n")
    stdio("range-span", lambda k: "Read integers on one line and print the largest minus the smallest.",
          lambda k: "xs = list(map(int, input().split()))\nprint(max(xs) - min(xs))\n",
          lambda k: "xs = list(map(int, input().split()))\nprint(max(xs))\n",
          lambda r, k: " ".join(str(r.randint(-100, 100)) for _ in range(r.randint(2, 7))) + "\n")
    stdio("fizz", lambda k: f"Read n. For i = 1..n print 'Fizz' if i is divisible by {k}, else i, one per line.",
          lambda k: f"n = int(input())\nfor i in range(1, n + 1):\n    print('Fizz' if i % {k} == 0 else i)\n",
          lambda k: f"n = int(input())\nfor i in range(1, n + 1):\n    print('Fizz' if i % {k} == 1 else i)\n",
          lambda r, k: f"{r.randint(k, 3 * k)}\n")
    stdio("gcd-two", lambda k: "Read two positive integers and print their greatest common divisor.",
          lambda k: "import math\na, b = map(int, input().split())\nprint(math.gcd(a, b))\n",
          lambda k: "a, b = map(int, input().split())\nprint(min(a, b))\n",
          lambda r, k: (lambda g: f"{g * r.randint(2, 9)} {g * r.randint(10, 19)}\n")(r.randint(2, 12)))
    stdio("is-prime", lambda k: "Read n (n >= 2) and print YES if it is prime, else NO.",
          lambda k: "n = int(input())\nprint('YES' if all(n % d for d in range(2, int(n ** 0.5) + 1)) else 'NO')\n",
          lambda k: "n = int(input())\nprint('YES' if n % 2 else 'NO')\n",
          lambda r, k: f"{r.choice([9, 15, 21, 25, 27, 33, 35, 49, 2, 3, 5, 7, 11, 13, 97, 89])}\n")
    stdio("sort-desc", lambda k: "Read integers on one line and print them sorted from largest to smallest, separated by spaces.",
          lambda k: "xs = sorted(map(int, input().split()), reverse=True)\nprint(' '.join(map(str, xs)))\n",
          lambda k: "xs = sorted(map(int, input().split()))\nprint(' '.join(map(str, xs)))\n",
          lambda r, k: " ".join(str(r.randint(0, 60)) for _ in range(r.randint(3, 8))) + "\n")
    stdio("times-table", lambda k: f"Read n and print n lines: line i holds i * {k}.",
          lambda k: f"n = int(input())\nfor i in range(1, n + 1):\n    print(i * {k})\n",
          lambda k: f"n = int(input())\nfor i in range(n):\n    print(i * {k})\n",
          lambda r, k: f"{r.randint(2, 6)}\n")
    call("scale", "scale", lambda k: f"Write scale(xs) that returns a new list with every element of xs multiplied by {k}.",
         lambda k: f"def scale(xs):\n    return [x * {k} for x in xs]\n",
         lambda k: f"def scale(xs):\n    return [x + {k} for x in xs]\n",
         lambda r, k: [[r.randint(-9, 9) for _ in range(r.randint(1, 5))]])
    call("digit-sum", "digit_sum", lambda k: "Write digit_sum(n) that returns the sum of the decimal digits of n (n >= 0).",
         lambda k: "def digit_sum(n):\n    return sum(int(c) for c in str(n))\n",
         lambda k: "def digit_sum(n):\n    return len(str(n))\n",
         lambda r, k: [r.randint(10, 99999)])
    call("second-largest", "second_largest", lambda k: "Write second_largest(xs) that returns the second largest distinct value of xs (xs has at least two distinct values).",
         lambda k: "def second_largest(xs):\n    return sorted(set(xs))[-2]\n",
         lambda k: "def second_largest(xs):\n    return sorted(xs)[-2]\n",
         lambda r, k: (lambda m: [[m, m] + [r.randint(0, m - 1) for _ in range(r.randint(1, 4))]])(r.randint(5, 50)))
    call("count-words", "count_words", lambda k: "Write count_words(s) that returns the number of space-separated words in s.",
         lambda k: "def count_words(s):\n    return len(s.split())\n",
         lambda k: "def count_words(s):\n    return s.count(' ')\n",
         lambda r, k: [" ".join("w" * r.randint(1, 4) for _ in range(r.randint(1, 6))) + " " * r.randint(0, 2)])
    call("solution-class", "evens", lambda k: "class Solution: implement evens(self, n) returning the list of even numbers from 0 to n inclusive.",
         lambda k: "class Solution:\n    def evens(self, n):\n        return list(range(0, n + 1, 2))\n",
         lambda k: "class Solution:\n    def evens(self, n):\n        return list(range(0, n, 2))\n",
         lambda r, k: [2 * r.randint(1, 8)])
    asrt("clamp", "clamp", lambda k: "Write clamp(x, lo, hi) that returns x limited to the interval [lo, hi].",
         lambda k: "def clamp(x, lo, hi):\n    return max(lo, min(x, hi))\n",
         lambda k: "def clamp(x, lo, hi):\n    return min(lo, max(x, hi))\n",
         lambda r, k: (lambda lo: (r.randint(-30, 30), lo, lo + r.randint(1, 20)))(r.randint(-10, 10)))
    asrt("anagram", "is_anagram", lambda k: "Write is_anagram(a, b) that returns True when a and b have the same letters with the same counts.",
         lambda k: "def is_anagram(a, b):\n    return sorted(a) == sorted(b)\n",
         lambda k: "def is_anagram(a, b):\n    return set(a) == set(b)\n",
         lambda r, k: (lambda w: (w, "".join(r.sample(w, len(w))) if r.random() < 0.5 else w + w[0]))("".join(r.choice("abcde") for _ in range(r.randint(3, 6)))))
    asrt("run-length", "run_length", lambda k: "Write run_length(s) that encodes runs of equal characters as the character followed by the run length, e.g. 'aaab' -> 'a3b1'.",
         lambda k: "def run_length(s):\n    out = []\n    i = 0\n    while i < len(s):\n        j = i\n        while j < len(s) and s[j] == s[i]:\n            j += 1\n        out.append(s[i] + str(j - i))\n        i = j\n    return ''.join(out)\n",
         lambda k: "def run_length(s):\n    return ''.join(c + '1' for c in s)\n",
         lambda r, k: ("".join(r.choice("ab") * r.randint(1, 3) for _ in range(r.randint(2, 4))),))
    return T


def run_stdio(src, inp):
    import contextlib
    out = io.StringIO()
    old_in = sys.stdin
    sys.stdin = io.StringIO(inp)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(src, "<solution>", "exec"), {"__name__": "__main__"})
    finally:
        sys.stdin = old_in
    return out.getvalue()


def run_call(src, fn, args):
    g = {"__name__": "solution"}
    exec(compile(src, "<solution>", "exec"), g)
    f = getattr(g["Solution"](), fn) if "Solution" in g and fn not in g else g[fn]
    return f(*args)


def code_problems(rng, n):
    T = code_templates()
    out, refs = [], {}
    params = {"sum-plus-k": [0, 3, 7, 10, 100], "count-char": ["a", "b", "z", "e", "k"], "fizz": [3, 4, 5, 6, 7],
              "times-table": [2, 3, 7, 9, 11], "scale": [2, 3, -1, 10, 5]}
    for i in range(n):
        t = T[i % len(T)]
        round_ = i // len(T)
        k = params.get(t["name"], [None] * 10)[round_ % len(params.get(t["name"], [None] * 10))]
        sol, wrong = t["sol"](k), t["wrong"](k)
        pid = f"sample-code-{i + 1:04d}"
        ncases = rng.randint(3, 5)
        if t["kind"] == "stdio":
            cases = []
            for _ in range(ncases):
                inp = t["mk"](rng, k)
                cases.append({"input": inp, "output": run_stdio(sol, inp)})
            tests = {"kind": "stdio", "language": "python", "cases": cases}
        elif t["kind"] == "call":
            cases = []
            for _ in range(ncases):
                args = t["mk"](rng, k)
                cases.append({"args": args, "expected": run_call(sol, t["fn"], json.loads(json.dumps(args)))})
            tests = {"kind": "call", "language": "python", "fn_name": t["fn"], "cases": cases}
        else:
            lines = []
            for _ in range(ncases):
                args = t["mk"](rng, k)
                want = run_call(sol, t["fn"], list(args))
                lines.append(f"    assert candidate({', '.join(repr(a) for a in args)}) == {want!r}")
            tests = {"kind": "assert", "language": "python", "entry_point": t["fn"],
                     "code": "def check(candidate):\n" + "\n".join(lines) + "\n"}
        extra = 0
        while passes(wrong, tests):          # every wrong solution must fail some case
            extra += 1
            assert extra < 50, pid
            if t["kind"] == "stdio":
                inp = t["mk"](rng, k)
                tests["cases"].append({"input": inp, "output": run_stdio(sol, inp)})
            elif t["kind"] == "call":
                args = t["mk"](rng, k)
                tests["cases"].append({"args": args, "expected": run_call(sol, t["fn"], json.loads(json.dumps(args)))})
            else:
                args = t["mk"](rng, k)
                tests["code"] += f"    assert candidate({', '.join(repr(a) for a in args)}) == {run_call(sol, t['fn'], list(args))!r}\n"
        out.append({"id": pid, "domain": "code", "prompt": t["statement"](k), "tests": tests})
        refs[pid] = {"sol": sol, "wrong": wrong, "kind": t["kind"], "fn": t.get("fn"), "template": t["name"]}
    return out, refs


ELEMENTS = ["Hydrogen", "Helium", "Lithium", "Beryllium", "Boron", "Carbon", "Nitrogen", "Oxygen", "Fluorine", "Neon",
            "Sodium", "Magnesium", "Aluminium", "Silicon", "Phosphorus", "Sulfur", "Chlorine", "Argon", "Potassium", "Calcium"]
FACTS = [("Which planet is known for its prominent ring system and is the sixth from the Sun?", "Saturn",
          ["Mars", "Venus", "Mercury", "Earth", "Neptune", "Uranus", "Jupiter", "Pluto", "Ceres"]),
         ("Which organelle is the main site of aerobic respiration in animal cells?", "Mitochondrion",
          ["Ribosome", "Nucleus", "Golgi apparatus", "Lysosome", "Vacuole", "Centriole", "Cell wall", "Chloroplast", "Peroxisome"]),
         ("What is the main gas in Earth's atmosphere by volume?", "Nitrogen",
          ["Oxygen", "Argon", "Carbon dioxide", "Hydrogen", "Helium", "Neon", "Methane", "Ozone", "Water vapour"]),
         ("Which kind of rock forms when magma cools and solidifies?", "Igneous rock",
          ["Sedimentary rock", "Metamorphic rock", "Limestone", "Chalk", "Sandstone", "Shale", "Coal", "Clay", "Marble"]),
         ("What is the SI unit of force?", "Newton", ["Joule", "Watt", "Pascal", "Coulomb", "Volt", "Tesla", "Hertz", "Kelvin", "Ohm"])]


def science_problems(rng, n):
    out = []
    kinds = ["element", "atomic", "force", "speed", "litres", "density", "ohm", "fact"]
    for i in range(n):
        k = kinds[i % len(kinds)]
        nch = rng.randint(4, 10)
        if k == "element":
            z = rng.randint(1, 20); q = f"Which element has atomic number {z}?"; right = ELEMENTS[z - 1]
            pool = [e for e in ELEMENTS if e != right]
        elif k == "atomic":
            z = rng.randint(1, 20); q = f"What is the atomic number of {ELEMENTS[z - 1].lower()}?"; right = str(z)
            pool = [str(v) for v in range(1, 31) if v != z]
        elif k == "force":
            m, a = rng.randint(2, 20), rng.randint(2, 10); q = f"A net force accelerates a {m} kg object at {a} m/s^2. How large is the force?"
            right = f"{m * a} N"; pool = [f"{v} N" for v in sorted({m + a, m * a + m, m * a - a, m * a * 2, abs(m - a) + 1, m * a + 1, m * a - 1, m * a + 10, m * a + a, m * a + 3} - {m * a})]
        elif k == "speed":
            t = rng.randint(2, 6); v = rng.randint(20, 90); q = f"A train covers {v * t} km in {t} hours at constant speed. What is its speed?"
            right = f"{v} km/h"; pool = [f"{x} km/h" for x in sorted({v * t, v + t, v * 2, v - 5, v + 5, v + 10, v - 10, v + 1, v * t - t, v + 20} - {v})]
        elif k == "litres":
            x = rng.randint(2, 30); q = f"How many millilitres are in {x} litres?"; right = f"{x * 1000} mL"
            pool = [f"{v} mL" for v in sorted({x * 10, x * 100, x * 10000, x, x * 1000 + 1, x * 1000 - 100, x * 1001, x * 999, x * 500, x * 2000} - {x * 1000})]
        elif k == "density":
            v, d = rng.randint(2, 12), rng.randint(2, 11); q = f"A block has a mass of {v * d} g and a volume of {v} cm^3. What is its density?"
            right = f"{d} g/cm^3"; pool = [f"{x} g/cm^3" for x in sorted({d + 1, d + 2, d * 2, v * d, v, d + 3, d + 4, d + 5, d + 6, d + 7} - {d})]
        elif k == "ohm":
            r, c = rng.randint(2, 20), rng.randint(1, 9); q = f"A {r * c} V source drives a {r} ohm resistor. What current flows?"
            right = f"{c} A"; pool = [f"{x} A" for x in sorted({c + 1, c + 2, r, r * c, c * 2, c + 3, c + 4, c + 5, c + 6, c + 7} - {c})]
        else:
            q, right, pool = FACTS[(i // len(kinds)) % len(FACTS)]
        wrong = rng.sample(pool, min(nch - 1, len(pool)))
        choices = wrong + [right]
        rng.shuffle(choices)
        out.append({"id": f"sample-sci-{i + 1:04d}", "domain": "science", "prompt": q, "choices": choices,
                    "answer": "ABCDEFGHIJ"[choices.index(right)]})
    return out


TOPICS = ["a lighthouse", "a rainy morning", "a kitchen garden", "a train journey", "a library", "a mountain lake",
          "a bicycle repair", "a winter market", "a school play", "a city park", "a night sky", "a fishing boat"]
KEYWORDS = ["lantern", "river", "harvest", "window", "compass", "paper", "bridge", "meadow", "engine", "thunder"]


def instruction_problems(rng, n):
    out = []
    singles = [("length_constraints:number_words", {"relation": "at least", "num_words": 40}, "Answer with at least 40 words."),
               ("detectable_format:number_bullet_lists", {"num_bullets": 3}, "Your answer must contain exactly 3 bullet points in markdown, using '* ' for each."),
               ("change_case:english_lowercase", {}, "Your entire response must be in English and in lowercase letters only."),
               ("punctuation:no_comma", {}, "Do not use any commas in your response."),
               ("keywords:existence", {"keywords": ["lantern", "harbour"]}, "Include the keywords lantern and harbour."),
               ("length_constraints:number_words", {"relation": "less than", "num_words": 30}, "Answer in fewer than 30 words.")]
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        if i < len(singles) * 2:
            iid, kw, text = singles[i % len(singles)]
            ins = [{"id": iid, "kwargs": kw}]
            texts = [text]
        else:
            ids = rng.sample(["length_constraints:number_words", "detectable_format:number_bullet_lists",
                              "change_case:english_lowercase", "punctuation:no_comma", "keywords:existence"], rng.randint(1, 3))
            ins, texts = [], []
            for iid in ids:
                if iid == "length_constraints:number_words":
                    rel_ = rng.choice(["at least", "less than"]); nw = rng.choice([20, 50, 80, 120])
                    ins.append({"id": iid, "kwargs": {"relation": rel_, "num_words": nw}})
                    texts.append(f"Answer with {'at least' if rel_ == 'at least' else 'fewer than'} {nw} words.")
                elif iid == "detectable_format:number_bullet_lists":
                    nb = rng.randint(2, 5); ins.append({"id": iid, "kwargs": {"num_bullets": nb}})
                    texts.append(f"Use exactly {nb} markdown bullet points.")
                elif iid == "keywords:existence":
                    kws = rng.sample(KEYWORDS, 2); ins.append({"id": iid, "kwargs": {"keywords": kws}})
                    texts.append(f"Include the keywords {kws[0]} and {kws[1]}.")
                elif iid == "change_case:english_lowercase":
                    ins.append({"id": iid, "kwargs": {}}); texts.append("Write everything in English lowercase letters.")
                else:
                    ins.append({"id": iid, "kwargs": {}}); texts.append("Do not use any commas.")
        out.append({"id": f"sample-if-{i + 1:04d}", "domain": "instruction",
                    "prompt": f"Write a short piece about {topic}. " + " ".join(texts), "instructions": ins})
    return out


def ifeval_check(text, ins):
    """A small re-implementation of the five IFEval checks used here (strict), to confirm the
    expected verdicts of the sample completions. Language detection is not re-implemented:
    the lowercase completions are plain English."""
    import re
    for it in ins:
        iid, kw = it["id"], it["kwargs"]
        if iid == "length_constraints:number_words":
            n = len(re.findall(r"\w+", text))
            ok = n >= kw["num_words"] if kw["relation"] == "at least" else n < kw["num_words"]
        elif iid == "detectable_format:number_bullet_lists":
            star = re.findall(r"^\s*\*[^\*].*$", text, flags=re.MULTILINE)
            dash = re.findall(r"^\s*-.*$", text, flags=re.MULTILINE)
            ok = len(star) + len(dash) == kw["num_bullets"]
        elif iid == "change_case:english_lowercase":
            ok = text == text.lower()
        elif iid == "punctuation:no_comma":
            ok = "," not in text
        elif iid == "keywords:existence":
            ok = all(re.search(k, text, flags=re.IGNORECASE) for k in kw["keywords"])
        else:
            raise ValueError(iid)
        if not ok:
            return False
    return True


def make_sample():
    rng = random.Random(20240101)
    maths = math_problems(rng, 100)
    codes, refs = code_problems(rng, 80)
    scis = science_problems(rng, 70)
    ifs = instruction_problems(rng, 50)
    problems = []
    # Interleave the domains so that a prefix of the file already holds all four.
    for i in range(100):
        for group in (maths, codes, scis, ifs):
            if i < len(group):
                problems.append(group[i])
    clean = [{k: v for k, v in p.items() if not k.startswith("_")} for p in problems]
    rel = "sample.jsonl.zst"
    write(rel, zst(jlines(clean)))
    rows = [{"location": loc(rel, line=i + 1), "result": "converted", "adapter": "canonical", "domain": p["domain"],
             "expect": {"id": p["id"]}} for i, p in enumerate(clean)]
    e = {"file": rel, "kind": "sample", **counts(rows), "read_error": None, "extract": {"ok": True},
         "rows": rows[:4] + [{"...": f"{len(rows) - 5} more"}] + rows[-1:],
         "notes": "The embedded multi-domain sample: canonical Problems (math with answers, code with "
                  "stdio/call/assert tests in Python whose reference solutions pass, science with 4-10 "
                  "choices, instruction with IFEval ids and kwargs), domains interleaved. Scored by "
                  "sample-completions.jsonl through --dataset."}
    add(e)

    byid = {p["id"]: p for p in problems}
    reqs = []

    def req(rid, pid, completion, expect):
        reqs.append({"id": rid, "problem_id": pid, "completion": completion, "expect": expect})

    # math: 6 correct, 4 incorrect, 2 no answer
    for j, p in enumerate(maths[:12]):
        if j < 6:
            req(f"math-{j + 1:02d}-correct", p["id"], f"Working step by step, the result is $\\boxed{{{p['answer']}}}$.",
                {"reward": 1.0, "verdict": "correct"})
        elif j < 10:
            wrong = str(int(p["answer"]) + 1) if p["answer"].lstrip("-").isdigit() else "1000001"
            req(f"math-{j + 1:02d}-incorrect", p["id"], f"After some algebra I get $\\boxed{{{wrong}}}$.",
                {"reward": 0.0, "verdict": "incorrect"})
        else:
            req(f"math-{j + 1:02d}-no-answer", p["id"], "I am not sure how to finish this one.", {"reward": 0.0, "verdict": "no_answer"})
    # code: by kind, correct / wrong / runtime error / no code
    picks = []
    for kind in ("stdio", "call", "assert"):
        picks += [p for p in codes if refs[p["id"]]["kind"] == kind][:4]
    for j, p in enumerate(picks):
        r = refs[p["id"]]
        if j % 4 in (0, 1):
            req(f"code-{j + 1:02d}-correct-{r['kind']}", p["id"], f"Here is my solution.\n```python\n{r['sol']}```\n",
                {"reward": 1.0, "verdict": "correct"})
        elif j % 4 == 2:
            req(f"code-{j + 1:02d}-wrong-{r['kind']}", p["id"], f"```python\n{r['wrong']}```\n", {"reward": 0.0, "verdict": wrong_verdict(r)})
        else:
            if j == 3:
                req(f"code-{j + 1:02d}-runtime-error-{r['kind']}", p["id"], "```python\nraise ValueError('no idea')\n```\n",
                    {"reward": 0.0, "verdict": "runtime_error"})
            elif j == 7:
                req(f"code-{j + 1:02d}-no-code-{r['kind']}", p["id"], "I would loop over the input and add things up.",
                    {"reward": 0.0, "verdict": "no_answer"})
            else:
                req(f"code-{j + 1:02d}-wrong-{r['kind']}", p["id"], f"```python\n{r['wrong']}```\n", {"reward": 0.0, "verdict": wrong_verdict(r)})
    # science: 5 correct, 3 incorrect, 2 no answer
    for j, p in enumerate(scis[:10]):
        letters = "ABCDEFGHIJ"[:len(p["choices"])]
        if j < 5:
            req(f"sci-{j + 1:02d}-correct", p["id"], f"Considering each option in turn.\nAnswer: {p['answer']}", {"reward": 1.0, "verdict": "correct"})
        elif j < 8:
            w = [c for c in letters if c != p["answer"]][0]
            req(f"sci-{j + 1:02d}-incorrect", p["id"], f"Considering each option in turn.\nAnswer: {w}", {"reward": 0.0, "verdict": "incorrect"})
        else:
            req(f"sci-{j + 1:02d}-no-answer", p["id"], "i cannot decide between them.", {"reward": 0.0, "verdict": "no_answer"})
    # instruction: one follow and one violation for four of the single-instruction problems
    good_text = {
        "length_constraints:number_words": "The old lighthouse stands on a rocky point above the bay and its lamp turns slowly through the long night "
                                           "so that every fishing boat can find the harbour mouth. The keeper climbs the stairs at dusk and checks "
                                           "the glass and the oil and the clockwork before the first ship appears.",
        "detectable_format:number_bullet_lists": "* The morning rain taps on the roof.\n* Puddles fill the quiet street.\n* Everyone waits indoors with tea.",
        "change_case:english_lowercase": "the kitchen garden is small but it grows beans and tomatoes and a few tall sunflowers near the fence. "
                                         "every morning we water the beds and pull the weeds before the sun gets hot.",
        "punctuation:no_comma": "The train leaves the station at dawn and rolls past green fields and small towns. "
                                "Passengers read and sleep and watch the hills go by.",
        "keywords:existence": "At the harbour a single lantern swings above the dock while the boats come home.",
    }
    bad_text = {
        "length_constraints:number_words": "The lighthouse shines all night.",
        "detectable_format:number_bullet_lists": "* Rain taps on the roof.\n* Puddles fill the street.",
        "change_case:english_lowercase": "The Kitchen Garden grows beans and tomatoes near the fence.",
        "punctuation:no_comma": "The train leaves at dawn, rolls past fields, and reaches the coast by noon.",
        "keywords:existence": "At the dock a single lamp swings above the boats.",
    }
    for j, p in enumerate(ifs[:5]):
        iid = p["instructions"][0]["id"]
        for ok in (True, False):
            text = good_text[iid] if ok else bad_text[iid]
            assert ifeval_check(text, p["instructions"]) == ok, (p["id"], ok)
            req(f"if-{j + 1:02d}-{'follows' if ok else 'violates'}", p["id"], text,
                {"reward": 1.0 if ok else 0.0, "verdict": "correct" if ok else "incorrect"})
    # Confirm the code expectations by running the solutions in-process.
    for r in reqs:
        p = byid[r["problem_id"]]
        if p["domain"] == "code" and "```python" in r["completion"] and "raise ValueError" not in r["completion"]:
            src = r["completion"].split("```python\n")[1].split("```")[0]
            assert passes(src, p["tests"]) == (r["expect"]["verdict"] == "correct"), r["id"]
    write("sample-completions.jsonl", b"".join(jline(r) for r in reqs))
    by = {}
    for r in reqs:
        d = byid[r["problem_id"]]["domain"]
        by[d] = by.get(d, 0) + 1
    add({"file": "sample-completions.jsonl", "kind": "sample", "records": None, "converted": None, "rejected": None, "domains": None,
         "read_error": None, "extract": None, "requests": len(reqs), "requests_by_domain": dict(sorted(by.items())),
         "notes": "Score requests {id, problem_id, completion, expect} for sample.jsonl.zst: "
                  "`m2rl score --dataset testcases/datasets/sample.jsonl.zst < testcases/datasets/sample-completions.jsonl`. "
                  "`expect` is ignored by m2rl and read by tests; for the instruction requests it is the "
                  "IFEval strict verdict, checked against the reference checkers. Not a dataset "
                  "(read as one, every line would be rejected: no adapter claims it)."})
    return problems, refs, reqs


def wrong_verdict(ref):
    """A wrong answer's verdict: a failed assert raises AssertionError, which the code verifier
    reports as runtime_error (testcases/code: assert-humaneval-wrong); stdio and call tests
    compare outputs (wrong_answer)."""
    return "runtime_error" if ref["kind"] == "assert" else "wrong_answer"


def passes(src, tests):
    try:
        if tests["kind"] == "stdio":
            return all(run_stdio(src, c["input"]).split() == c["output"].split() for c in tests["cases"])
        if tests["kind"] == "call":
            return all(json.loads(json.dumps(run_call(src, tests["fn_name"], json.loads(json.dumps(c["args"]))))) == c["expected"]
                       for c in tests["cases"])
        g = {"__name__": "solution"}
        exec(compile(src, "<solution>", "exec"), g)
        exec(compile(tests["code"], "<test>", "exec"), g)
        g["check"](g[tests["entry_point"]])
        return True
    except Exception:
        return False


# ---------------------------------------------------------------------------------------------
# Checks (--check): solutions in a subprocess, archive listings
# ---------------------------------------------------------------------------------------------

def check_solutions(problems, refs):
    bad = 0
    for p in problems:
        if p["domain"] != "code":
            continue
        r = refs[p["id"]]
        for which, src in (("sol", r["sol"]), ("wrong", r["wrong"])):
            ok = subprocess_passes(src, p["tests"])
            if ok != (which == "sol"):
                print(f"check: {p['id']} {which} {'passes' if ok else 'fails'}", file=sys.stderr)
                bad += 1
    print(f"check: {sum(1 for p in problems if p['domain'] == 'code')} code problems, reference solutions pass, wrong ones fail"
          + ("" if not bad else f" ({bad} problems)"))
    return bad


def subprocess_passes(src, tests):
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        if tests["kind"] == "stdio":
            with open(os.path.join(d, "s.py"), "w") as f:
                f.write(src)
            for c in tests["cases"]:
                p = subprocess.run([sys.executable, "-I", "s.py"], cwd=d, input=c["input"], capture_output=True, text=True)
                if p.returncode != 0 or p.stdout.split() != c["output"].split():
                    return False
            return True
        if tests["kind"] == "call":
            h = src + "\nimport json, sys\n_f = Solution().%s if 'Solution' in dir() and '%s' not in dir() else %s\n" % (tests["fn_name"], tests["fn_name"], tests["fn_name"])
            h += "_ok = all(json.loads(json.dumps(_f(*c['args']))) == c['expected'] for c in json.loads(sys.stdin.read()))\nsys.exit(0 if _ok else 1)\n"
            with open(os.path.join(d, "s.py"), "w") as f:
                f.write(h)
            return subprocess.run([sys.executable, "-I", "s.py"], cwd=d, input=json.dumps(tests["cases"]), capture_output=True, text=True).returncode == 0
        with open(os.path.join(d, "s.py"), "w") as f:
            f.write(src + "\n" + tests["code"] + f"\ncheck({tests['entry_point']})\n")
        return subprocess.run([sys.executable, "-I", "s.py"], cwd=d, capture_output=True).returncode == 0


def check_listings():
    """Lists every archive with Python and bsdtar and checks that hostile entries are what they claim."""
    bsdtar = shutil.which("bsdtar")
    if not bsdtar:
        print("check: bsdtar is missing (apt-get install -y libarchive-tools); skipping its listings")
    want = {"hostile/traversal.tar": ("../m2rl-evil.jsonl", "-"), "hostile/traversal-nested.tar": ("data/../../m2rl-evil.jsonl", "-"),
            "hostile/absolute.tar": ("/tmp/m2rl-evil.jsonl", "-"), "hostile/symlink-absolute.tar": ("link", "l"),
            "hostile/symlink-parent.tar": ("link", "l"), "hostile/symlink-escape-write.tar": ("esc", "l"),
            "hostile/symlink-chain.tar": ("a/c", "l"), "hostile/hardlink-absolute.tar": ("hl", "h"),
            "hostile/hardlink-parent.tar": ("hl", "h"), "hostile/chardev.tar": ("dev/null-ish", "c"),
            "hostile/blockdev.tar": ("dev/disk-ish", "b"), "hostile/fifo.tar": ("pipe", "p"), "hostile/socket.cpio": ("sock", "s"),
            "hostile/traversal.zip": ("../m2rl-evil.jsonl", "-"), "hostile/absolute.zip": ("/tmp/m2rl-evil.jsonl", "-")}
    problems = 0
    for rel, (name, typ) in sorted(want.items()):
        p = path_of(rel)
        if rel.endswith(".tar"):
            with tarfile.open(p) as tf:
                m = tf.getmember(name)
                ptype = {tarfile.REGTYPE: "-", tarfile.SYMTYPE: "l", tarfile.LNKTYPE: "h", tarfile.CHRTYPE: "c",
                         tarfile.BLKTYPE: "b", tarfile.FIFOTYPE: "p"}[m.type]
                assert ptype == typ, (rel, ptype)
        elif rel.endswith(".zip"):
            with zipfile.ZipFile(p) as z:
                assert name in z.namelist(), rel
        if bsdtar:
            out = subprocess.run([bsdtar, "-tvf", p], capture_output=True, text=True)
            line = [l for l in out.stdout.splitlines() if l.split(" -> ")[0].split(" link to ")[0].endswith(" " + name)]
            if not line or line[0][0] != typ:
                print(f"check: bsdtar lists {rel} as {out.stdout!r}", file=sys.stderr)
                problems += 1
            else:
                print(f"check: {rel}: {line[0]}")
    for rel, expect_fail in (("hostile/truncated.tar.gz", True), ("hostile/corrupt.tar.gz", True), ("hostile/truncated-data.zip", True),
                             ("hostile/truncated-cd.zip", False), ("hostile/corrupt-header.tar", None),
                             ("containers/liar-targz.zip", False), ("containers/liar-zip.tar.gz", False)):
        if not bsdtar:
            break
        out = subprocess.run([bsdtar, "-tvf", path_of(rel)], capture_output=True, text=True)
        print(f"check: bsdtar -tvf {rel}: exit {out.returncode}; {len(out.stdout.splitlines())} entries; "
              f"{out.stderr.strip().splitlines()[-1] if out.stderr.strip() else 'no error'}")
        if expect_fail is not None and (out.returncode != 0) != expect_fail:
            problems += 1
    return problems


# ---------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="also run the sample solutions and list the archives")
    args = ap.parse_args()
    if not zstd_available():
        sys.exit("make_archives.py: the `zstd` command is missing (Debian: apt-get install -y zstd); "
                 "it writes the .zst fixtures")
    for sub in ("containers", "adapters", "hostile"):
        if os.path.isdir(path_of(sub)):
            shutil.rmtree(path_of(sub))
    make_containers()
    make_adapters()
    make_hostile(args.check)
    problems, refs, _ = make_sample()
    for e in MANIFEST:
        p = path_of(e["file"])
        e["bytes"] = os.path.getsize(p) if os.path.isfile(p) else sum(
            os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(p) for f in fs)
    manifest = {
        "about": "Expectations for every fixture of testcases/datasets (see README.md). Locations use $FILE for the path "
                 "given to m2rl. records = converted + rejected. read_error: null, or the error code the read must end "
                 "with. extract: the outcome of `m2rl dataset extract FILE -o DIR`. rows: the expected record outcomes "
                 "in order (some long lists are abridged with a {\"...\"} marker). alt_codes: other rejection codes "
                 "that are acceptable where the interface does not pin one. format_flag: the --format name that must "
                 "give the same result as auto.",
        "interface": "/tmp/m2rl-research/datasets-interface.md (issue #6), as of this writing",
        "files": MANIFEST,
    }
    with open(path_of("manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")
    total = sum(e["bytes"] for e in MANIFEST)
    print(f"wrote {len(MANIFEST)} fixtures ({total:,} bytes) and manifest.json")
    if args.check:
        bad = check_solutions(problems, refs) + check_listings()
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
