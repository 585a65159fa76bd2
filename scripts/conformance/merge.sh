#!/usr/bin/env bash
# Conformance: `m2rl merge` and `m2rl analyze` against an independent NumPy implementation of
# docs/merge.md (scripts/conformance/merge_reference.py), on small seeded checkpoints written by
# scripts/conformance/merge_checkpoints.py (F32 and BF16, single-file and sharded, a larger-vocab
# expert, sparse/dense/overlapping updates with exact ties and sign conflicts).
#
#   scripts/conformance/merge.sh [M2RL_BINARY]          (default: .build/debug/m2rl)
#   scripts/conformance/merge.sh M2RL_BINARY --only ties   (cases whose name contains "ties")
#   scripts/conformance/merge.sh M2RL_BINARY --keep        (keep the temp folder: configs, outputs)
#   scripts/conformance/merge.sh --self-check              (the reference against itself only)
#   scripts/conformance/merge.sh M2RL_BINARY --large       (also a 4097 x 4096 tensor, many 2^14-entry chunks:
#                                                           ~100 MB, minutes with a debug build)
#
# Every method and parameter option gets a config; each output tensor is compared bit for bit
# for the deterministic methods (linear, task_arithmetic, ties, breadcrumbs*, ram, dare_* with
# rescale inverse/none) and within |Δ| <= 1e-6 + 1e-5·|ref| (or one unit in the last place of a
# BF16/F16 output) for tsv, slerp, model_stock, sce and dare_* with rescale l1. DARE is also
# checked statistically (kept fraction within 4σ of the density) with its rescale exact; the
# sharded layout, index and copied config/tokenizer files are checked; `m2rl analyze` against the
# reference report (counts exact, floats to 1e-9 relative, ranks exact); and bad configs and
# broken experts (shards, index, shapes) must be refused with the right exit status, naming the
# key/tensor/shard, leaving nothing in OUTDIR. Prints a table per case and exits 1 on any mismatch.
#
# Installs numpy and pyyaml from PyPI into .build/conformance-venv (scripts/conformance/venv.sh;
# shared with humaneval.sh, reused when present). Without network it skips with a message, except
# under CI=true, where that is a failure.
# Takes about 20 s on two cores (plus the first pip install).
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=.build/debug/m2rl
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then binary=$1; shift; fi
case " $* " in
  *" --self-check "*) ;;
  *) [ -x "$binary" ] || swift build --product m2rl >&2 ;;
esac
source scripts/conformance/venv.sh
conformance_venv "merge conformance" "numpy and pyyaml" "numpy, yaml" numpy pyyaml
case " $* " in
  *" --self-check "*) exec "$venv_python" scripts/conformance/merge_conformance.py "$@" ;;
esac
exec "$venv_python" scripts/conformance/merge_conformance.py "$binary" "$@"
