#!/usr/bin/env bash
# Reading datasets: records per second over a large tar.zst of JSON Lines, m2rl against Python's
# tarfile + json (over zstandard), on the same file and machine, in the same run.
#
# bench/datasets_gen.py writes a seeded tar.zst of MB expanded megabytes (10^6 bytes) of
# canonical Problems (math, code with stdio tests, science with choices, instruction; lines of
# 200 B to 20 KB with unicode and escapes) in ENTRIES .jsonl entries; it is cached under
# .build/bench-datasets/, keyed by size, seed, entries and the generator's hash, so reruns skip
# it. Then, ROUNDS times, interleaved:
#   python     bench/datasets_peer.py: tarfile "r|" over zstandard's stream reader, json.loads
#              on every line, a count per domain (zstandard from PyPI, in a private venv);
#   m2rl       `m2rl dataset inspect FILE --json` (reads and converts every record, counts per
#              domain);
#   bsdtar     `bsdtar -xOf FILE | wc -l`: decompress, untar and count lines, the lower bound;
#   zstd       `zstd -dc FILE > /dev/null`: decompression alone by the zstd CLI (libarchive's own
#              zstd, in bsdtar, may well be faster).
# Each is timed as a whole process (start-up included) with its peak RSS from /usr/bin/time
# (for the bsdtar pipeline, the largest of its processes). Reported: medians, records/s, MB/s,
# speed against Python and peak memory; m2rl's record and per-domain counts must equal Python's
# (and Python's the generator's). Written to bench/results-datasets.md (git-ignored).
#
#   bench/datasets.sh [--check]  # MB=600 SEED=20250601 ENTRIES=8 ROUNDS=3; --check: exit 1 on a
#                                # count mismatch or when m2rl misses 3× Python or 64 MB
#   M2RL=path/to/m2rl            # skip the build and use this binary
#   SCRATCH=/tmp/build           # build with --scratch-path (another build folder)
#   VENV=path                    # zstandard's virtualenv (default .build/bench-datasets-venv)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/check-flag.sh "$@"
MB=${MB:-600}
SEED=${SEED:-20250601}
ENTRIES=${ENTRIES:-8}
ROUNDS=${ROUNDS:-3}
ZSTANDARD=0.25.0

need=()
command -v zstd >/dev/null 2>&1 || need+=(zstd)
command -v bsdtar >/dev/null 2>&1 || need+=(libarchive-tools)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench/datasets.sh: installing ${need[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

m2rl_note=""
if [ -z "${M2RL:-}" ]; then
  source scripts/setup
  build=("${m2rl_release[@]}")
  [ -n "${SCRATCH:-}" ] && build+=(--scratch-path "$SCRATCH")
  if swift build "${build[@]}" --product m2rl >&2; then
    M2RL="$(swift build "${build[@]}" --show-bin-path)/m2rl"
  else
    m2rl_note="m2rl did not build (swift build ${build[*]})"
    M2RL=""
  fi
fi
if [ -n "$M2RL" ] && ! "$M2RL" dataset inspect --help >/dev/null 2>&1; then
  m2rl_note="\`m2rl dataset inspect\` does not exist yet in $M2RL"
  M2RL=""
fi
if [ -n "$m2rl_note" ]; then
  echo "bench/datasets.sh: $m2rl_note; running Python and the floors only" >&2
fi

venv=${VENV:-.build/bench-datasets-venv}
[ -x "$venv/bin/python" ] || /usr/bin/python3 -m venv "$venv"
if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('zstandard') != '$ZSTANDARD')" 2>/dev/null; then
  "$venv/bin/pip" install -q "zstandard==$ZSTANDARD" >&2
fi

cache=.build/bench-datasets
gen=$(sha256sum bench/datasets_gen.py | cut -c1-10)
file=$cache/problems-${MB}mb-seed${SEED}-e${ENTRIES}-g${gen}.tar.zst
mkdir -p "$cache"
for old in "$cache"/problems-*.tar.zst; do   # archives of an older generator
  [ -e "$old" ] && [[ $old != *-g${gen}.tar.zst ]] && rm -f "$old" "$old.json"
done
if [ ! -f "$file" ] || [ ! -f "$file.json" ]; then
  echo "generating $file" >&2
  python3 bench/datasets_gen.py "$file" --mb "$MB" --seed "$SEED" --entries "$ENTRIES"
fi
awk -v mb="$MB" 'BEGIN { exit !(mb < 500) }' && echo "bench/datasets.sh: MB=$MB is below the 500 MB the issue asks for" >&2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "$file" > /dev/null   # into the page cache: every method reads it from memory
now() { date +%s.%N; }
timed() { # NAME ROUND command... → $work/NAME.ROUND.{out,err,wall,rss,status}
  local name=$1 round=$2 start status=0; shift 2
  start=$(now)
  /usr/bin/time -f %M -o "$work/$name.$round.rss" "$@" > "$work/$name.$round.out" 2> "$work/$name.$round.err" || status=$?
  python3 -c "print($(now) - $start)" > "$work/$name.$round.wall"
  echo "$status" > "$work/$name.$round.status"
  printf '  %-7s %6.2f s  %s KB%s\n' "$name" "$(cat "$work/$name.$round.wall")" "$(tail -1 "$work/$name.$round.rss")" \
    "$([ "$status" -eq 0 ] || echo "  (exit status $status)")" >&2
}
methods=(python)
[ -n "$M2RL" ] && methods+=(m2rl)
methods+=(bsdtar zstd)
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round of $ROUNDS" >&2
  for method in "${methods[@]}"; do
    case $method in
      python) timed python "$round" "$venv/bin/python" bench/datasets_peer.py "$file" ;;
      m2rl) timed m2rl "$round" "$M2RL" dataset inspect "$file" --json ;;
      bsdtar) timed bsdtar "$round" bash -c 'bsdtar -xOf "$1" | wc -l' _ "$file" ;;
      zstd) timed zstd "$round" bash -c 'exec zstd -qdc "$1" > /dev/null' _ "$file" ;;
    esac
  done
done

python3 - "$work" "$file" "$ROUNDS" "$check" "$M2RL" "$m2rl_note" bench/results-datasets.md "${methods[@]}" <<'PY'
import datetime, json, os, statistics, sys

work, file, rounds, check, m2rl, note, results = sys.argv[1:8]
methods, rounds, check = sys.argv[8:], int(rounds), check == "1"
meta = json.load(open(file + ".json"))
expanded, truth = meta["bytes"], meta["records"]

def read(name, r, ext):
    return open(os.path.join(work, f"{name}.{r}.{ext}"), encoding="utf-8", errors="replace").read()

def rss_kb(name, r):
    lines = [l for l in read(name, r, "rss").splitlines() if l.strip()]
    try:
        return int(lines[-1])
    except (IndexError, ValueError):
        return None

runs = {m: [{"wall": float(read(m, r, "wall")), "rss": rss_kb(m, r), "status": int(read(m, r, "status")),
             "out": read(m, r, "out"), "err": read(m, r, "err")} for r in range(1, rounds + 1)] for m in methods}
problems = []   # loud, at the end of the table and in the file

def domains_of(j):
    """Per-domain counts in m2rl's --json, wherever the report keeps them."""
    for holder in (j, j.get("counts") if isinstance(j.get("counts"), dict) else {}):
        for key in ("domains", "per_domain", "by_domain", "domain"):
            d = holder.get(key)
            if isinstance(d, dict) and d:
                out = {}
                for k, v in d.items():
                    if isinstance(v, dict):
                        v = v.get("converted", v.get("records", v.get("count")))
                    if isinstance(v, int):
                        out[k] = v
                return out
    return None

def counts_of(j):
    c = j.get("counts") if isinstance(j.get("counts"), dict) else j
    return {k: c.get(k) for k in ("records", "converted", "rejected")}

# Python: its own report, checked against the generator's tally.
py = []
for r, run in enumerate(runs["python"], 1):
    try:
        py.append(json.loads(run["out"].strip().splitlines()[-1]))
    except (IndexError, ValueError):
        problems.append(f"python round {r} failed (exit status {run['status']}): {run['err'].strip()[-300:]}")
ref = py[0] if py else None
if ref:
    if ref["records"] != truth or ref["domains"] != meta["domains"] or ref["bytes"] != expanded:
        problems.append(f"python read {ref['records']} records {ref['domains']} ({ref['bytes']} bytes), "
                        f"the generator wrote {truth} {meta['domains']} ({expanded} bytes)")
    for r, p in enumerate(py[1:], 2):
        if (p["records"], p["domains"]) != (ref["records"], ref["domains"]):
            problems.append(f"python round {r} counted {p['records']} {p['domains']}, round 1 {ref['records']} {ref['domains']}")
records = ref["records"] if ref else truth
domains = ref["domains"] if ref else meta["domains"]

# m2rl: its counts must equal Python's.
m2rl_counts = None
if "m2rl" in runs:
    for r, run in enumerate(runs["m2rl"], 1):
        if run["status"] != 0:
            problems.append(f"m2rl dataset inspect round {r} exited with status {run['status']}: {run['err'].strip()[-300:]}")
        try:
            j = json.loads(run["out"])
        except ValueError:
            problems.append(f"m2rl round {r}: its --json output does not parse: {run['out'][:200]!r}")
            continue
        c, d = counts_of(j), domains_of(j)
        if j.get("error"):
            problems.append(f"m2rl round {r} reports an error: {json.dumps(j['error'], ensure_ascii=False)[:300]}")
        if m2rl_counts is None:
            m2rl_counts = (c, d)
        if c["records"] != records or c["converted"] != records or c["rejected"] not in (0, None):
            problems.append(f"m2rl round {r} counted records {c['records']}, converted {c['converted']}, rejected {c['rejected']}; "
                            f"python read {records}")
        if d is None:
            problems.append(f"m2rl round {r}: no per-domain counts found in its --json (keys: {sorted(j)})")
        elif d != domains:
            problems.append(f"m2rl round {r} per domain {dict(sorted(d.items()))}, python {dict(sorted(domains.items()))}")

# bsdtar | wc -l counts lines: one per record.
for r, run in enumerate(runs["bsdtar"], 1):
    got = run["out"].strip()
    if got != str(records):
        problems.append(f"bsdtar -xOf | wc -l round {r} counted {got or '(nothing)'} lines, python {records} records")

labels = {"python": f"Python tarfile + json (zstandard {ref['zstandard'] if ref else '?'})",
          "m2rl": "m2rl dataset inspect --json",
          "bsdtar": "bsdtar -xOf \\| wc -l (lower bound)",
          "zstd": "zstd -dc > /dev/null (decompression only)"}
med = {m: statistics.median(x["wall"] for x in runs[m]) for m in methods}
peak = {m: max((x["rss"] or 0) for x in runs[m]) for m in methods}
lines = []
out = lines.append
out(f"Reading datasets: {records:,} canonical Problems in {meta['entries']} .jsonl entries of a tar.zst, "
    f"{expanded / 1e6:,.0f} MB expanded, {meta['compressed_bytes'] / 1e6:,.0f} MB compressed (zstd -{meta['level']}), "
    f"seed {meta['seed']}; median of {rounds} interleaved rounds, whole processes, {os.cpu_count()} cores, {datetime.date.today()}")
out("")
out("| method | seconds (median) | records/s | MB/s (expanded) | peak RSS | speed vs Python |")
out("|---|---|---|---|---|---|")
for m in methods:
    s = med[m]
    out(f"| {labels[m]} | {s:.2f} | {records / s:,.0f} | {expanded / 1e6 / s:,.0f} | {peak[m] / 1024:.1f} MB | {med['python'] / s:.2f}× |")
if "m2rl" not in methods:
    out(f"| m2rl dataset inspect --json | – | – | – | – | not run: {note} |")
out("")
if "m2rl" in methods:
    speed, mem = med["python"] / med["m2rl"], peak["m2rl"] / 1024
    out(f"m2rl reads {speed:.2f}× Python's records per second (goal: at least 3×) with a peak RSS of {mem:.1f} MB "
        f"(goal: under 64 MB); it runs at {med['bsdtar'] / med['m2rl']:.2f}× the speed of bsdtar | wc -l and "
        f"{med['zstd'] / med['m2rl']:.2f}× that of the zstd CLI's decompression alone.")
    goals_met = speed >= 3 and mem < 64
else:
    goals_met = False
if ref:
    ins = statistics.median(p["seconds"] for p in py)
    out(f"Python inside its process (imports excluded): {ins:.2f} s, {records / ins:,.0f} records/s, "
        f"{expanded / 1e6 / ins:,.0f} MB/s, ru_maxrss {max(p['peak_rss_kb'] for p in py) / 1024:.1f} MB.")
out(f"Records per domain (Python): {', '.join(f'{k} {v:,}' for k, v in sorted(domains.items()))}; lines of "
    f"{meta['smallest_line']:,} to {meta['largest_line']:,} bytes."
    + (f" m2rl: records {m2rl_counts[0]['records']}, converted {m2rl_counts[0]['converted']}, rejected "
       f"{m2rl_counts[0]['rejected']}, per domain {m2rl_counts[1]}." if m2rl_counts else ""))
if problems:
    out("")
    out("**COUNT MISMATCH OR FAILURE:**")
    for p in problems:
        out(f"- {p}")
table_end = len(lines)
out("")
out("Every round (seconds, peak RSS):")
out("")
for m in methods:
    out(f"- {labels[m]}: " + ", ".join(f"{x['wall']:.2f} s / {(x['rss'] or 0) / 1024:.1f} MB" + ("" if x["status"] == 0 else f" (exit {x['status']})")
                                       for x in runs[m]))
out("")
out(f"File: {file}")
with open(results, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines[:table_end]))
print(f"\nEvery round: {results}")
if problems:
    print("\n!!! bench/datasets.sh: COUNTS DO NOT MATCH OR A METHOD FAILED; see above !!!", file=sys.stderr)
if check and (problems or not goals_met):
    sys.exit(1)
PY
