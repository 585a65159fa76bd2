#!/usr/bin/env bash
# Two (or more) m2rl builds side by side on bench/merge.sh's checkpoints: ROUNDS alternating runs
# of each binary's `m2rl merge` (a whole process under /usr/bin/time, after an untimed `sync` and
# `cat` of the inputs, as bench/merge.sh times it), then per binary the medians of wall, user and
# system seconds, and the wall of every run. For changes too small to show in bench/merge.sh's
# three rounds on a shared machine: both builds see the same noise, in turn.
#
#   bench/merge_ab.sh OLD_M2RL NEW_M2RL [...]     # ROUNDS=8 METHOD=ties (or task_arithmetic) JOBS=
#   (JOBS=1 passes --jobs 1: user time on one worker, less noisy than wall)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: bench/merge_ab.sh OLD_M2RL NEW_M2RL [...]" >&2; exit 2; }
ROUNDS=${ROUNDS:-8}
METHOD=${METHOD:-ties}
VENV=${VENV:-.build/bench-merge-venv}
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/python" -c 'import numpy' 2>/dev/null || "$VENV/bin/pip" install -q numpy >&2
folder=$("$VENV/bin/python" bench/merge_gen.py .build/bench-merge --seed "${SEED:-20250601}")
exec python3 - "$folder" "$ROUNDS" "$METHOD" "${JOBS:-}" "$@" <<'PY'
import os, statistics, subprocess, sys, tempfile
folder, rounds, method, jobs, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5:]
models = [os.path.abspath(os.path.join(folder, n)) for n in ("base", "rl-1", "rl-2", "rl-3")]
shards = [os.path.join(m, f) for m in models for f in sorted(os.listdir(m)) if f.endswith(".safetensors")]
work = tempfile.mkdtemp(prefix="m2rl-merge-ab-", dir=".build")
config = os.path.join(work, "config.yaml")
extra = "parameters: {density: 0.2}\n" if method == "ties" else ""
open(config, "w").write(f"merge_method: {method}\nbase_model: {models[0]}\nmodels: [{', '.join(models[1:])}]\n{extra}")
runs = {b: [] for b in binaries}
for _ in range(rounds):
    for b in binaries:
        os.sync()
        subprocess.run("cat " + " ".join(shards) + " > /dev/null", shell=True, check=True)
        command = ["/usr/bin/time", "-f", "%e %U %S", b, "merge", config, "-o", os.path.join(work, "out"), "--force"]
        done = subprocess.run(command + (["--jobs", jobs] if jobs else []), capture_output=True, text=True, check=True)
        runs[b].append(tuple(map(float, done.stderr.strip().split("\n")[-1].split())))
for b, v in runs.items():
    med = [statistics.median(x[i] for x in v) for i in range(3)]
    print(f"{b}: wall {med[0]:.2f} s, user {med[1]:.2f} s, system {med[2]:.2f} s (medians of {rounds}); walls "
          + " ".join(f"{x[0]:.2f}" for x in v))
subprocess.run(["rm", "-rf", work])
PY
