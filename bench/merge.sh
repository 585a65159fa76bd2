#!/usr/bin/env bash
# Merging: m2rl merge against a streaming NumPy implementation of the same formulas, on the same
# checkpoints and machine, in the same run, with the time to simply read the inputs as the floor.
#
# bench/merge_gen.py writes (once; cached under .build/bench-merge/, keyed by seed, shard size and
# the hashes of the generator and of merge_numpy.py) a Qwen2.5-0.5B-shaped BF16 base (494 M parameters, 2 shards of 500 MB) and
# three sparse "RL" fine-tunes (5 %, 15 %, 30 % of entries moved by a few BF16 ulps). Then,
# ROUNDS times, interleaved, each a whole process timed with its peak RSS by /usr/bin/time:
#   read-once   `cat` of every input shard > /dev/null (page cache warm: the 4 GB stay cached)
#   io-floor    read-once plus writing a 1 GB file (what any merge must at least do), through the
#               page cache (head -c) and around it (dd oflag=direct, the way m2rl writes)
#   m2rl TA     m2rl merge, task_arithmetic of the three experts (both cores)
#   numpy TA    bench/merge_numpy.py task_arithmetic (np.memmap, tensor by tensor, F32 → BF16)
#   m2rl TIES   m2rl merge, ties with density 0.2 (per-tensor trim, sum election, weight mean)
#   numpy TIES  bench/merge_numpy.py ties --density 0.2 (np.partition for the threshold)
# Before each timed command (untimed): `sync`, so the previous command's written gigabyte is not
# flushed during the next one's measurement, and a `cat` of the inputs, so they are all cached.
# Then it checks that m2rl's outputs equal NumPy's bit for bit (exit 1 when they differ, with or
# without --check). Medians, ratios and the table go to bench/results-merge.md (git-ignored) and
# standard output.
#
#   bench/merge.sh [--check]     # ROUNDS=3 SEED=20250601; --check: also exit 1 when m2rl misses
#                                # 5× NumPy, 2× read-once or 2 GB
#   M2RL=path/to/m2rl            # skip the build and use this binary
#   VENV=path                    # numpy's virtualenv (default .build/bench-merge-venv)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/check-flag.sh "$@"
ROUNDS=${ROUNDS:-3}
SEED=${SEED:-20250601}
if [ ! -x /usr/bin/time ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time >/dev/null
fi
source bench/m2rl-binary.sh
VENV=${VENV:-.build/bench-merge-venv}
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/python" -c 'import numpy' 2>/dev/null || "$VENV/bin/pip" install -q numpy >&2
folder=$("$VENV/bin/python" bench/merge_gen.py .build/bench-merge --seed "$SEED")
exec "$VENV/bin/python" - "$M2RL" "$folder" "$ROUNDS" "$check" "$VENV/bin/python" <<'PY'
import json, os, statistics, subprocess, sys, tempfile, time
m2rl, folder, rounds, check, python = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1", sys.argv[5]
models = [os.path.abspath(os.path.join(folder, n)) for n in ("base", "rl-1", "rl-2", "rl-3")]
shards = [os.path.join(m, f) for m in models for f in sorted(os.listdir(m)) if f.endswith(".safetensors")]
inputs = sum(os.path.getsize(s) for s in shards)
work = tempfile.mkdtemp(prefix="m2rl-bench-merge-", dir=".build")
configs = {}
for method, extra in (("task_arithmetic", ""), ("ties", "parameters: {density: 0.2}\n")):
    path = os.path.join(work, method + ".yaml")
    with open(path, "w") as out:
        out.write(f"merge_method: {method}\nbase_model: {models[0]}\nmodels: [{', '.join(models[1:])}]\n{extra}")
    configs[method] = path
out = lambda name: os.path.join(work, name)
cat = "cat " + " ".join(shards) + " > /dev/null"
commands = {
    "read-once (cat inputs)": ["sh", "-c", cat],
    "io-floor (cat inputs, write 1 GB)": ["sh", "-c", cat + f"; head -c {os.path.getsize(shards[0]) + os.path.getsize(shards[1])} /dev/zero > {out('floor.bin')}"],
    # The same write around the page cache, as m2rl writes (dd oflag=direct, 8 MiB blocks).
    "io-floor, direct (cat inputs, write 1 GB with O_DIRECT)": ["sh", "-c", cat + f"; dd if=/dev/zero of={out('floor-direct.bin')} bs=8M "
                                                                 f"count={(os.path.getsize(shards[0]) + os.path.getsize(shards[1])) >> 23} oflag=direct status=none"],
    "m2rl task_arithmetic": [m2rl, "merge", configs["task_arithmetic"], "-o", out("m2rl-ta"), "--force"],
    "numpy task_arithmetic": [python, "bench/merge_numpy.py", "task_arithmetic", *models, "-o", out("numpy-ta")],
    "m2rl ties (density 0.2)": [m2rl, "merge", configs["ties"], "-o", out("m2rl-ties"), "--force"],
    "numpy ties (density 0.2)": [python, "bench/merge_numpy.py", "ties", *models, "-o", out("numpy-ties"), "--density", "0.2"],
}
times = {k: [] for k in commands}
memory = {k: [] for k in commands}
for r in range(rounds):
    for name, command in commands.items():
        stats = out("time.txt")
        os.sync()  # the previous command's output goes to disk now, not during this one
        subprocess.run(["sh", "-c", cat], check=True)  # every input in the page cache
        start = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", stats, *command], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[name].append(time.perf_counter() - start)
        memory[name].append(int(open(stats).read().split()[-1]) / 1024)
        print(f"round {r + 1} {name}: {times[name][-1]:.2f} s, {memory[name][-1]:.0f} MB", file=sys.stderr)
median = {k: statistics.median(v) for k, v in times.items()}
peak = {k: max(v) for k, v in memory.items()}
compare = {}
for a, b in (("m2rl-ta", "numpy-ta"), ("m2rl-ties", "numpy-ties")):
    result = subprocess.run([python, "bench/merge_numpy.py", "compare", out(a), out(b)], check=True, capture_output=True, text=True)
    compare[a] = json.loads(result.stdout)
read_once = median["read-once (cat inputs)"]
lines = [f"Merging three BF16 fine-tunes of a 494 M-parameter base (Qwen2.5-0.5B shapes; {inputs / 1e9:.2f} GB of inputs, warm page cache, "
         f"output 0.99 GB BF16); median of {rounds} interleaved rounds, whole processes, 2 cores, {time.strftime('%Y-%m-%d')}", "",
         "| method | seconds (median) | input GB/s | peak RSS | vs NumPy | vs read-once |", "|---|---|---|---|---|---|"]
pairs = {"m2rl task_arithmetic": "numpy task_arithmetic", "m2rl ties (density 0.2)": "numpy ties (density 0.2)"}
for name in commands:
    versus = f"{median[pairs[name]] / median[name]:.1f}× faster" if name in pairs else ""
    lines.append(f"| {name} | {median[name]:.2f} | {inputs / 1e9 / median[name]:.2f} | {peak[name]:.0f} MB | {versus} | {median[name] / read_once:.1f}× |")
lines.append("")
for key, label in (("m2rl-ta", "task_arithmetic"), ("m2rl-ties", "ties")):
    c = compare[key]
    lines.append(f"{label}: m2rl and NumPy outputs {'identical, bit for bit' if c['equal'] else 'DIFFER'} ({c['entries']:,} entries, {c['differing']} differing).")
lines.append("")
lines.append("Every round (seconds): " + "; ".join(f"{k} " + " / ".join(f"{t:.2f}" for t in v) for k, v in times.items()))
text = "\n".join(lines)
print(text)
open("bench/results-merge.md", "w").write(text + "\n")
subprocess.run(["rm", "-rf", work])
ok = all(compare[k]["equal"] for k in compare)  # a wrong merge fails the bench whatever the times
if not ok:
    print("merge bench: m2rl's and NumPy's outputs differ: " + "; ".join(f"{k}: {c['differing']} entries differ, missing tensors {c['missing']}, first {c['first']}"
                                                                 for k, c in compare.items() if not c["equal"]),
          file=sys.stderr)
if check:
    for m, n in pairs.items():
        ok &= median[n] / median[m] >= 5 and median[m] <= 2 * read_once and peak[m] < 2048
sys.exit(0 if ok else 1)
PY
