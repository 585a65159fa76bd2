#!/usr/bin/env python3
"""A seeded tar.zst of canonical m2rl Problems in JSON Lines, for bench/datasets.sh.

Every record is generated here, nothing is copied from a dataset. Records are canonical Problems
(DESIGN.md, "Problem"), mixed across the four domains the way a multi-domain RL mix is:
  math (40%)        prompt with inline LaTeX, a LaTeX `answer`, sometimes a `verifier` preset;
  code (25%)        a contest-style statement and `tests` of kind stdio (3–8 cases, some large
                    inputs), language, compare and limits; a few of kind call;
  science (20%)     a question, 4–10 `choices`, the gold letter as `answer`;
  instruction (15%) a prompt and IFEval-style `instructions` with kwargs.
A line is 200 B to 20 KB (log-uniform within each domain's range; code lines run longest).
Strings carry what real data carries: newlines, tabs, quotes, LaTeX backslashes, accented
Latin, Greek, Cyrillic, CJK, math symbols and emoji (astral, so `\\ud83d\\ude00` pairs when
escaped). Even-numbered entries are written as raw UTF-8 (`ensure_ascii=False`, as `datasets`
exports do), odd ones with every non-ASCII character escaped (`json.dumps`'s default).

The archive holds a directory entry `train/` and ENTRIES files `train/part-0000K-of-0000N.jsonl`
of about MB/ENTRIES expanded megabytes (10^6 bytes) each. Entries are generated in parallel into
temporary files next to OUT, then streamed by tarfile ("w|") into `zstd -T0 -3`, so neither the
archive nor an entry is ever held in memory. The tar headers are fixed (mtime, owner, mode), so
the same MB, ENTRIES and seed give the same bytes.

Usage: datasets_gen.py OUT.tar.zst [--mb 600] [--seed S] [--entries 8] [--jobs N]
Writes OUT (atomically) and OUT.json: {"bytes", "records", "domains", "entries", "mb", "seed"}.
"""
import argparse, json, math, os, random, shutil, subprocess, sys, tarfile, tempfile, time
from concurrent.futures import ProcessPoolExecutor

WORDS = """the of and to in is that for it as with be by on are this which from at or an not have
we can if all will one there their more when so these has been each other would two into time
only its then how any first may also new some could them such than our most where after over
number value function point line set sum product integer real positive negative prime divisor
triangle circle square area length angle radius side vertex edge graph tree path cycle matrix
vector sequence series limit derivative integral probability expected random variable equation
solution root polynomial coefficient remainder modulo digit even odd smallest largest least
greatest find compute determine show prove given suppose let consider assume such exactly
distinct ordered pairs ways choose arrange color paint grid board cell row column query array
string substring character index element operation minimum maximum cost weight distance
shortest longest subsequence permutation binary tree node child parent segment interval
energy mass force velocity acceleration charge field current voltage resistance pressure
temperature entropy reaction molecule atom electron proton bond enzyme protein cell membrane
gene mutation species population photon wavelength frequency orbit planet galaxy quantum
essay paragraph sentence word letter title section bullet response answer summary poem story
email format lowercase uppercase capital comma quotation highlight placeholder keyword""".split()
UNICODE = ("naïve café déjà Schrödinger München Ærøskøbing façade São Paulo Zürich Łódź "
           "α β γ δ ε θ λ μ π σ φ ω Δ Σ Ω ∑ ∫ ∂ √ ∞ ≤ ≥ ≠ ≈ → ⇒ ∈ ∉ ⊂ ∪ ∩ × ÷ ± ° ² ³ ½ "
           "Привет мир задача решение 数学 方程 函数 三角形 概率 求解 答案 問題 例えば 答え "
           "사각형 정답 — – … “quoted” ‘single’ « guillemets » € £ ¥ ✓ ✗ 😀 🚀 🧪 🔢 ∀ ∃ ℝ ℕ ℤ").split()
NAMES = ["Alice", "Bob", "Carol", "Dmitri", "Élodie", "Fatima", "Guo Wei", "Hiroshi", "Ingrid", "José",
         "Kwame", "Lena", "Mateus", "Nadia", "Olu", "Priya", "Quinn", "Rania", "Søren", "Tomás"]
LATEX = [r"\frac{%d}{%d}", r"\sqrt{%d}", r"%d^{%d}", r"\binom{%d}{%d}", r"\log_{%d} %d", r"%d\cdot %d",
         r"\left(%d, %d\right)", r"\sin\left(\frac{\pi}{%d}\right) + %d", r"x^{%d} - %dx + 1",
         r"\sum_{k=1}^{%d} k^{%d}", r"\int_0^{%d} t^{%d}\,dt", r"\overline{AB} = %d\sqrt{%d}",
         r"%d \pmod{%d}", r"\lfloor %d/%d \rfloor", r"\{%d, %d\}", r"[%d, %d)", r"%d\%% \text{ of } %d"]
INSTRUCTIONS = [
    ("length_constraints:number_words", lambda r: {"relation": r.choice(["at least", "less than"]), "num_words": r.randint(50, 800)}),
    ("length_constraints:number_paragraphs", lambda r: {"num_paragraphs": r.randint(2, 8)}),
    ("detectable_format:number_bullet_lists", lambda r: {"num_bullets": r.randint(2, 10)}),
    ("detectable_format:title", lambda r: {}),
    ("detectable_format:json_format", lambda r: {}),
    ("change_case:english_lowercase", lambda r: {}),
    ("change_case:capital_word_frequency", lambda r: {"capital_relation": "at least", "capital_frequency": r.randint(2, 30)}),
    ("keywords:existence", lambda r: {"keywords": r.sample(WORDS, r.randint(1, 4))}),
    ("keywords:forbidden_words", lambda r: {"forbidden_words": r.sample(WORDS, r.randint(1, 5))}),
    ("keywords:letter_frequency", lambda r: {"letter": r.choice("abcdefghijklmnopqrstuvwxyz"), "let_frequency": r.randint(1, 20), "let_relation": "at least"}),
    ("punctuation:no_comma", lambda r: {}),
    ("startend:end_checker", lambda r: {"end_phrase": "Is there anything else I can help with?"}),
    ("detectable_content:postscript", lambda r: {"postscript_marker": r.choice(["P.S.", "P.P.S"])}),
    ("detectable_content:number_placeholders", lambda r: {"num_placeholders": r.randint(1, 6)}),
    ("combination:repeat_prompt", lambda r: {"prompt_to_repeat": "Write a “short” note:\n\t— about \\LaTeX"}),
    ("language:response_language", lambda r: {"language": r.choice(["de", "fr", "ja", "ru", "zh", "ko"])}),
]
# (domain, weight, smallest line, largest line)
DOMAINS = [("math", 40, 200, 4000), ("code", 25, 800, 20000), ("science", 20, 300, 6000), ("instruction", 15, 300, 5000)]


def text(r, n):
    """About n characters of prose: words, now and then unicode, LaTeX, quotes, tabs and newlines."""
    out, size = [], 0
    while size < n:
        x = r.random()
        if x < 0.80:
            w = r.choice(WORDS)
        elif x < 0.88:
            w = r.choice(UNICODE)
        elif x < 0.93:
            t = r.choice(LATEX)
            w = "$" + (t % (r.randint(2, 99), r.randint(2, 99))[: t.count("%d")]) + "$"
        elif x < 0.955:
            w = '"' + r.choice(WORDS) + '"'
        elif x < 0.97:
            w = r.choice(NAMES)
        elif x < 0.985:
            w = str(r.randint(0, 10 ** r.randint(1, 9)))
        elif x < 0.995:
            w = r.choice(WORDS) + ".\n\n"
        else:
            w = "\t" + r.choice(WORDS) + "\\n"
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


def log_uniform(r, lo, hi):
    return int(math.exp(r.uniform(math.log(lo), math.log(hi))))


def math_problem(r, pid, target):
    a, b = r.randint(2, 999), r.randint(2, 999)
    answer = r.choice([str(r.randint(-10**6, 10**6)), r"\frac{%d}{%d}" % (a, b), r"%d\sqrt{%d}" % (a, b % 50 + 2),
                       r"\left[ %d, %d \right)" % (-a, b), r"\{%d, %d\}" % (a, b), r"%d^\circ" % (a % 360),
                       r"\begin{pmatrix} %d & %d \\ %d & %d \end{pmatrix}" % (a, b, b, a), "x = %d" % a])
    p = {"id": pid, "domain": "math"}
    p["prompt"] = text(r, max(40, target - 120 - len(answer)))
    p["answer"] = answer
    if r.random() < 0.3:
        p["verifier"] = {"preset": r.choice(["math-verify", "dapo", "boxed", "m2rl-paper"])}
    return p


def code_problem(r, pid, target):
    ncases = r.randint(3, 8)
    large = r.random() < 0.25
    statement = max(200, int(target * (0.35 if large else 0.75)))
    case_budget = max(40, (target - statement - 200) // ncases)
    cases = []
    for _ in range(ncases):
        n = max(1, case_budget // 14)
        nums = [r.randint(-10**9, 10**9) for _ in range(n)]
        rows = " ".join(map(str, nums[: max(1, n // 2)])) + "\n" + " ".join(map(str, nums[n // 2:]))
        cases.append({"input": "%d\n%s\n" % (n, rows), "output": "%d\n" % sum(nums)})
    p = {"id": pid, "domain": "code",
         "prompt": text(r, statement) + "\n\nInput\n\nThe first line contains n (1 ≤ n ≤ 2·10^5).\n\nOutput\n\nPrint one integer.\n\nExamples\n\n```\n" + cases[0]["input"][:200] + "```"}
    if r.random() < 0.1:
        p["tests"] = {"kind": "call", "fn_name": "solve", "language": "python",
                      "cases": [{"args": [c["input"].split()[:8], r.randint(0, 9)], "expected": c["output"].strip()} for c in cases]}
    else:
        p["tests"] = {"kind": "stdio", "language": r.choice(["python", "python", "python", "cpp", "c"]), "cases": cases,
                      "compare": r.choice(["tokens", "tokens", "exact", "lines", "float:1e-6"]),
                      "time_limit_s": r.choice([1, 2, 2, 4]), "memory_limit_mb": r.choice([256, 256, 512])}
    return p


def science_problem(r, pid, target):
    k = r.choice([4, 4, 4, 10, 5, 8])
    per = max(8, (target // 3) // k)
    choices = [text(r, r.randint(per // 2 + 1, per)) for _ in range(k)]
    p = {"id": pid, "domain": "science", "prompt": text(r, max(60, target - sum(map(len, choices)) - 120)),
         "choices": choices, "answer": "ABCDEFGHIJ"[r.randrange(k)]}
    if r.random() < 0.2:
        p["verifier"] = {"preset": r.choice(["simple-evals", "mmlu-pro", "supergpqa"])}
    return p


def instruction_problem(r, pid, target):
    chosen = r.sample(INSTRUCTIONS, r.randint(1, 3))
    instructions = [{"id": name, "kwargs": kw(r)} for name, kw in chosen]
    return {"id": pid, "domain": "instruction", "prompt": text(r, max(60, target - 100 * len(instructions) - 60)),
            "instructions": instructions}


MAKERS = {"math": math_problem, "code": code_problem, "science": science_problem, "instruction": instruction_problem}


def write_entry(job):
    """Writes entry `index` to `path` until it holds `target` bytes; returns its tally."""
    index, path, target, seed = job
    r = random.Random(f"m2rl-bench-datasets-{seed}-{index}")
    ascii_only = index % 2 == 1
    names = [d[0] for d in DOMAINS]
    weights = [d[1] for d in DOMAINS]
    ranges = {d[0]: (d[2], d[3]) for d in DOMAINS}
    domains = dict.fromkeys(names, 0)
    size = records = 0
    smallest, largest = 1 << 40, 0
    with open(path, "wb") as f:
        buf = []
        while size < target:
            domain = r.choices(names, weights)[0]
            lo, hi = ranges[domain]
            want = log_uniform(r, lo, hi)
            problem = MAKERS[domain](r, f"{domain}-{index:02d}-{records:07d}", want)
            line = json.dumps(problem, ensure_ascii=ascii_only).encode()
            if len(line) > 20000 or len(line) < 200:   # keep every line within 200 B–20 KB
                continue
            buf.append(line)
            buf.append(b"\n")
            size += len(line) + 1
            records += 1
            domains[domain] += 1
            smallest, largest = min(smallest, len(line)), max(largest, len(line))
            if len(buf) >= 512:
                f.write(b"".join(buf))
                buf.clear()
        f.write(b"".join(buf))
    return {"bytes": size, "records": records, "domains": domains, "smallest": smallest, "largest": largest}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=600, help="expanded size, in 10^6 bytes (default 600)")
    ap.add_argument("--seed", type=int, default=20250601)
    ap.add_argument("--entries", type=int, default=8)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--level", type=int, default=3, help="zstd level (default 3)")
    a = ap.parse_args()
    out = os.path.abspath(a.out)
    folder = os.path.dirname(out)
    os.makedirs(folder, exist_ok=True)
    start = time.time()
    tmp = tempfile.mkdtemp(prefix=".gen-", dir=folder)
    try:
        per = int(a.mb * 1e6 / a.entries)
        names = [f"train/part-{i:05d}-of-{a.entries:05d}.jsonl" for i in range(a.entries)]
        jobs = [(i, os.path.join(tmp, f"{i}.jsonl"), per, a.seed) for i in range(a.entries)]
        with ProcessPoolExecutor(max(1, a.jobs)) as pool:
            tallies = list(pool.map(write_entry, jobs))
        print(f"datasets_gen: {a.entries} entries written in {time.time() - start:.0f} s; compressing", file=sys.stderr)
        partial = out + ".partial"
        with open(partial, "wb") as sink:
            zstd = subprocess.Popen(["zstd", "-q", "-T0", f"-{a.level}", "-c"], stdin=subprocess.PIPE, stdout=sink)
            with tarfile.open(fileobj=zstd.stdin, mode="w|", format=tarfile.PAX_FORMAT) as tar:
                def info(name, **kw):
                    t = tarfile.TarInfo(name)
                    t.mtime, t.uid, t.gid, t.uname, t.gname = 1748736000, 0, 0, "", ""
                    for k, v in kw.items():
                        setattr(t, k, v)
                    return t
                tar.addfile(info("train/", type=tarfile.DIRTYPE, mode=0o755))
                for name, (_, path, _, _), tally in zip(names, jobs, tallies):
                    with open(path, "rb") as f:
                        tar.addfile(info(name, size=tally["bytes"], mode=0o644), f)
                    os.unlink(path)
            zstd.stdin.close()
            if zstd.wait() != 0:
                sys.exit(f"datasets_gen: zstd exited with status {zstd.returncode}")
        domains = {d[0]: sum(t["domains"][d[0]] for t in tallies) for d in DOMAINS}
        meta = {"bytes": sum(t["bytes"] for t in tallies), "records": sum(t["records"] for t in tallies),
                "domains": domains, "entries": a.entries, "mb": a.mb, "seed": a.seed, "level": a.level,
                "compressed_bytes": os.path.getsize(partial),
                "smallest_line": min(t["smallest"] for t in tallies), "largest_line": max(t["largest"] for t in tallies)}
        with open(out + ".json", "w") as f:
            json.dump(meta, f, indent=1)
        os.replace(partial, out)
        print(f"datasets_gen: {out}: {meta['records']:,} records, {meta['bytes'] / 1e6:.0f} MB expanded, "
              f"{meta['compressed_bytes'] / 1e6:.0f} MB compressed, {time.time() - start:.0f} s", file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
