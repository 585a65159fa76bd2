#!/usr/bin/env bash
# Sandbox start-up cost: m2rl (all layers) against a bare posix_spawn and bubblewrap, on the
# same machine in the same run.
#
# Programs: a trivial static C binary, and `python3 -S -I` on an empty file. Each method runs
# ROUNDS rounds of RUNS runs, interleaved (bare, m2rl, bubblewrap, then again) so that the
# machine's noise falls on all of them alike; the table shows the median of the round medians
# and the ratios. m2rl is timed in one process around Sandbox.run (as a trainer calls it);
# bare and bubblewrap are timed by bench/spawntime.c around posix_spawn + waitpid.
# A last row runs m2rl after touching a 4 GiB ballast: starting a child never copies the parent.
#
#   bench/sandbox.sh            # ROUNDS=5 RUNS=200 (1,000 runs per method and program)
#   ROUNDS=2 RUNS=50 bench/sandbox.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup
ROUNDS=${ROUNDS:-5}
RUNS=${RUNS:-200}
BALLAST_MB=${BALLAST_MB:-4096}

command -v bwrap >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq bubblewrap >/dev/null; }
swift build "${m2rl_release[@]}" --product m2rl >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/spawntime" bench/spawntime.c
printf 'int main(void){return 0;}\n' > "$work/true.c"
gcc -O2 -static -o "$work/true_static" "$work/true.c"
: > "$work/pass.py"
chmod 755 "$work" && chmod 644 "$work/pass.py"
m2rl=.build/release/m2rl
bwrap_base=(bwrap --unshare-all --die-with-parent --new-session --ro-bind /usr /usr --ro-bind /lib /lib
            --ro-bind /lib64 /lib64 --proc /proc --dev /dev --tmpfs /tmp)

median_of() { python3 -c 'import json,sys,statistics; print(statistics.median(json.loads(l)["median_ms"] for l in sys.stdin))'; }

declare -A results
for round in $(seq "$ROUNDS"); do
  echo "round $round/$ROUNDS" >&2
  "$work/spawntime" "$RUNS" "$work/true_static" >> "$work/bare-static"
  "$m2rl" sandbox bench --json --profile native --runs "$RUNS" -- "$work/true_static" >> "$work/m2rl-static"
  "$work/spawntime" "$RUNS" "${bwrap_base[@]}" --ro-bind "$work/true_static" /main -- /main >> "$work/bwrap-static"
  "$work/spawntime" "$RUNS" /usr/bin/python3 -S -I "$work/pass.py" >> "$work/bare-python"
  "$m2rl" sandbox bench --json --profile python3 --runs "$RUNS" -- "$work/pass.py" >> "$work/m2rl-python"
  "$work/spawntime" "$RUNS" "${bwrap_base[@]}" --ro-bind "$work/pass.py" /main.py -- /usr/bin/python3 -S -I /main.py >> "$work/bwrap-python"
done
"$m2rl" sandbox bench --json --profile native --runs "$RUNS" --ballast-mb "$BALLAST_MB" -- "$work/true_static" > "$work/m2rl-ballast"

for f in bare-static m2rl-static bwrap-static bare-python m2rl-python bwrap-python m2rl-ballast; do
  results[$f]=$(median_of < "$work/$f")
done
row() { # program bare m2rl bwrap
  python3 - "$@" <<'PY'
import sys
name, bare, m2rl, bwrap = sys.argv[1], *map(float, sys.argv[2:])
print(f"| {name} | {bare:.2f} | {m2rl:.2f} | {bwrap:.2f} | {m2rl - bare:+.2f} | {bwrap / m2rl:.1f}× |")
PY
}
{
  echo "Sandbox start-up, median ms per run ($ROUNDS rounds × $RUNS runs per method, $(nproc) cores, $(date -u +%F))"
  echo
  echo "| program | bare posix_spawn | m2rl, all layers | bubblewrap | m2rl − bare | bubblewrap ÷ m2rl |"
  echo "|---|---|---|---|---|---|"
  row "static C binary" "${results[bare-static]}" "${results[m2rl-static]}" "${results[bwrap-static]}"
  row "python3 -S -I (empty file)" "${results[bare-python]}" "${results[m2rl-python]}" "${results[bwrap-python]}"
  echo
  echo "m2rl with a ${BALLAST_MB} MiB touched ballast in the parent: ${results[m2rl-ballast]} ms per static run (no ballast: ${results[m2rl-static]} ms)."
} | tee bench/results-sandbox.md
