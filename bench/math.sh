#!/usr/bin/env bash
# Math answers: m2rl's math verifier (preset `math-verify`) against math-verify 0.9.0 itself, on
# the same generated corpus and machine, one process each.
#
# bench/math_corpus.py writes PAIRS seeded (gold, completion) pairs over 22 kinds of answer
# (plus a few pathological ones); bench/math_peers.py runs math-verify over them in one process
# (gold LaTeX wrapped in $...$, prediction LaTeX + expression with boxed priority 0, strict,
# float_rounding 6); m2rl scores the same pairs as `m2rl score` requests with the bare gold,
# with --jobs 1 and with its default workers. Reported: agreement on the reward (every
# disagreement listed by category in bench/results-math.md), pairs/s over each whole process
# (start-up included) and from per-pair medians, p50/p99 latency, timeouts.
#
#   bench/math.sh [--check]     # PAIRS=6400 SEED=20250601; --check: exit 1 below 99% agreement
#   M2RL=path/to/m2rl           # skip the build and use this binary
#   SCRATCH=/tmp/build          # build with --scratch-path (another build folder)
#   VENV=path                   # math-verify's virtualenv (default .build/bench-math-venv)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/check-flag.sh "$@"
PAIRS=${PAIRS:-6400}
SEED=${SEED:-20250601}
source bench/m2rl-binary.sh
venv=${VENV:-.build/bench-math-venv}
[ -x "$venv/bin/python" ] || /usr/bin/python3 -m venv "$venv"
if ! "$venv/bin/python" -c 'import importlib.metadata as m, sys; sys.exit(m.version("math-verify") != "0.9.0")' 2>/dev/null; then
  "$venv/bin/pip" install -q math-verify==0.9.0 latex2sympy2_extended==1.11.0 sympy==1.14.0 \
    antlr4-python3-runtime==4.13.2 >&2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/math_corpus.py "$work/corpus.jsonl" --pairs "$PAIRS" --seed "$SEED"
python3 - "$work/corpus.jsonl" > "$work/requests.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    p = json.loads(line)
    print(json.dumps({"id": p["id"], "completion": p["completion"],
                      "problem": {"id": p["id"], "domain": "math", "answer": p["gold"], "verifier": {"preset": "math-verify"}}},
                     ensure_ascii=False))
PY
now() { date +%s.%N; }
echo "math-verify: $PAIRS pairs in one process" >&2
start=$(now)
"$venv/bin/python" bench/math_peers.py "$work/corpus.jsonl" "$work/peer.jsonl" > "$work/peer-summary.json"
peer_wall=$(python3 -c "print($(now) - $start)")
m2rl_run() { # name jobs-flags...
  local name=$1 start status=0; shift
  echo "m2rl score ${*:-(default jobs)}" >&2
  start=$(now)
  "$M2RL" score "$@" < "$work/requests.jsonl" > "$work/$name.jsonl" 2> "$work/$name.err" || status=$?
  python3 -c "print($(now) - $start)" > "$work/$name.wall"
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then   # 3: some lines were errors, reported below
    echo "m2rl score ${*:-(default jobs)} exited with status $status:" >&2
    tail -5 "$work/$name.err" >&2
  fi
}
m2rl_run m2rl-1 --jobs 1
m2rl_run m2rl-n
python3 - "$work" "$peer_wall" "$check" bench/results-math.md <<'PY'
import collections, datetime, json, os, sys

work, peer_wall, check, results = sys.argv[1], float(sys.argv[2]), sys.argv[3] == "1", sys.argv[4]
load = lambda name: [json.loads(l) for l in open(os.path.join(work, name), encoding="utf-8")]
corpus, peer = load("corpus.jsonl"), load("peer.jsonl")
summary = json.load(open(os.path.join(work, "peer-summary.json")))
n = len(corpus)

def m2rl(name):
    rows = []
    for line in open(os.path.join(work, name + ".jsonl"), encoding="utf-8"):
        try:
            rows.append(json.loads(line))
        except ValueError:
            rows.append({"verdict": "error", "reward": 0, "error": {"code": "unreadable_result", "message": line[:200]}})
    rows += [{"verdict": "error", "reward": 0, "error": {"code": "missing_line", "message": "no result line"}}] * (n - len(rows))
    return {"rows": rows[:n], "wall": float(open(os.path.join(work, name + ".wall")).read())}

runs = {"m2rl-1": m2rl("m2rl-1"), "m2rl-n": m2rl("m2rl-n")}
main = runs["m2rl-1"]["rows"]

def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q / 100 * (len(values) - 1))))] if values else float("nan")

def timed_out(r):
    text = json.dumps({k: r.get(k) for k in ("verdict", "error", "details")}).lower()
    return "timeout" in text or "timed_out" in text or "time_limit" in text

def kind(r, p):
    if r.get("verdict") == "error" or r.get("id", p["id"]) != p["id"]:
        return "error"
    m, v = 1 if r.get("reward") == 1 else 0, p["reward"]
    return None if m == v else ("m2rl 1, math-verify 0" if m else "m2rl 0, math-verify 1")

disagree = collections.defaultdict(list)
for c, r, p in zip(corpus, main, peer):
    k = kind(r, p)
    if k:
        disagree[c["category"]].append((k, c, r, p))
agreed = n - sum(len(v) for v in disagree.values())
rate = agreed / n
errors = collections.Counter((r.get("error") or {}).get("code", "?") for r in main if r.get("verdict") == "error")

def elapsed(rows):
    return [r["elapsed_ms"] for r in rows if isinstance(r.get("elapsed_ms"), (int, float)) and r.get("verdict") != "error"]

peer_ms = [p["ms"] for p in peer]
lines = []
out = lines.append
out(f"Math answers, m2rl (preset math-verify) vs math-verify 0.9.0, {n} generated pairs, {os.cpu_count()} cores, {datetime.date.today()}")
out("")
out("| method | pairs/s (whole process) | pairs/s (1 / median) | p50 ms | p99 ms | max ms | timeouts | rewarded |")
out("|---|---|---|---|---|---|---|---|")
p50 = summary["p50_ms"]
out(f"| math-verify 0.9.0 (one process) | {n / peer_wall:.1f} | {1000 / p50:.0f} | {p50:.2f} | {summary['p99_ms']:.2f} | {summary['max_ms']:.0f} | "
    f"{summary['timed_out_pairs']} | {summary['rewarded']} |")
rates = {}
for name, label in (("m2rl-1", "m2rl score --jobs 1"), ("m2rl-n", "m2rl score (default jobs)")):
    rows, wall = runs[name]["rows"], runs[name]["wall"]
    ms = elapsed(rows)
    rates[name] = n / wall
    if not ms:
        codes = collections.Counter((r.get("error") or {}).get("code", "?") for r in rows if r.get("verdict") == "error")
        out(f"| {label} | {n / wall:.0f} | – | – | – | – | – | no scored line ({', '.join(f'{c} {k}' for c, k in codes.most_common(3))}) |")
        continue
    med = pct(ms, 50)
    out(f"| {label} | {n / wall:.0f} | {1000 / med if med else float('inf'):.0f} | {med:.3f} | {pct(ms, 99):.3f} | {max(ms):.1f} | "
        f"{sum(timed_out(r) for r in rows)} | {sum(r.get('reward') == 1 for r in rows)} |")
out("")
scored = any(r.get("verdict") != "error" for r in main)
peer_rate = n / peer_wall
main_ms = elapsed(main)
median_ratio = f"{p50 / pct(main_ms, 50):.0f}×" if main_ms and pct(main_ms, 50) > 0 else "–"
out(f"Agreement on the reward (m2rl --jobs 1 vs math-verify): {agreed}/{n} = {100 * rate:.2f}% (goal: at least 99%). "
    f"Throughput ratio over whole processes: {rates['m2rl-1'] / peer_rate:.0f}× with 1 worker, {rates['m2rl-n'] / peer_rate:.0f}× with the "
    f"default workers (goal: at least 200×); per-pair medians: {median_ratio}"
    + ("" if scored else "; m2rl scored no line, so these mean nothing until its math verifier lands") + ".")
quick = [p["ms"] for p in peer if not p["timeouts"]]
if len(quick) < n:
    out(f"Without its {n - len(quick)} timed-out pairs, math-verify's loop runs {len(quick) / (sum(quick) / 1000):.1f} pairs/s "
        f"({sum(p['ms'] for p in peer if p['timeouts']) / 1000:.0f} s of its {summary['loop_s']:.0f} s went to timeouts).")
same = sum((a.get("reward") == b.get("reward")) for a, b in zip(runs["m2rl-1"]["rows"], runs["m2rl-n"]["rows"]))
out(f"m2rl --jobs 1 and default jobs agree on {same}/{n} rewards. math-verify: import {summary['import_s']:.2f} s, "
    f"{summary['timed_out_pairs']} pairs hit its 5 s timeouts ({summary['timeout_events']} events), "
    f"whole process {peer_wall:.1f} s. m2rl error lines: {sum(errors.values())}"
    + (f" ({', '.join(f'{c}: {k}' for c, k in errors.most_common())})" if errors else "") + ".")
out("")
out("| category | pairs | math-verify rewards | m2rl rewards | agree | m2rl 1, mv 0 | m2rl 0, mv 1 | errors |")
out("|---|---|---|---|---|---|---|---|")
cats = sorted({c["category"] for c in corpus})
for cat in cats + ["all"]:
    idx = [i for i, c in enumerate(corpus) if cat in ("all", c["category"])]
    ds = [d for k, v in disagree.items() if cat in ("all", k) for d in v]
    tally = collections.Counter(d[0] for d in ds)
    out(f"| {cat} | {len(idx)} | {sum(peer[i]['reward'] for i in idx)} | {sum(main[i].get('reward') == 1 for i in idx)} | "
        f"{100 * (len(idx) - len(ds)) / len(idx):.1f}% | {tally['m2rl 1, math-verify 0']} | {tally['m2rl 0, math-verify 1']} | {tally['error']} |")
table_end = len(lines)

out("")
out("Intended labels (the generator's, not the verdict compared): math-verify rewards "
    + ", ".join(f"{sum(p['reward'] for c, p in zip(corpus, peer) if c['variant'] == v)}/{sum(c['variant'] == v for c in corpus)} {v}"
                for v in ("equivalent", "perturbed")) + ".")
out("")
out("## Disagreements by category")
out("")
out("Each: id, kind, m2rl's verdict and extraction, math-verify's extraction, the gold, the end of the completion.")

def code(s, limit=160):
    s = "" if s is None else str(s)
    s = s.replace("\n", "⏎").replace("`", "'")
    if len(s) > limit:
        s = "…" + s[-limit:]
    return "`" + s + "`" if s else "–"

LIST_ERRORS = 50
for cat in cats:
    ds = disagree.get(cat, [])
    if not ds:
        continue
    out("")
    out(f"### {cat} ({len(ds)})")
    out("")
    shown_errors = 0
    for k, c, r, p in ds:
        if k == "error":
            shown_errors += 1
            if shown_errors > LIST_ERRORS:
                continue
            e = r.get("error") or {}
            out(f"- {c['id']} error `{e.get('code', '?')}`: {code(e.get('message'), 120)}; math-verify {p['reward']}; gold {code(c['gold'])}")
            continue
        d = r.get("details") or {}
        out(f"- {c['id']} {k}: m2rl {r.get('verdict')} {code(d.get('extracted'))}, math-verify {code(p['extracted'])}; "
            f"gold {code(c['gold'])}; completion {code(c['completion'])}")
    if shown_errors > LIST_ERRORS:
        out(f"- … and {shown_errors - LIST_ERRORS} more error lines in this category")
with open(results, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines[:table_end]))
print(f"\nEvery disagreement: {results}")
if check and rate < 0.99:
    print(f"math: agreement {100 * rate:.2f}% is below 99%", file=sys.stderr)
    sys.exit(1)
PY
