# Sourced (from the repository root) by the conformance scripts that need Python packages from PyPI:
#
#   source scripts/conformance/venv.sh
#   conformance_venv LABEL WHAT IMPORTS PACKAGE...
#   "$venv_python" script.py ...
#
# One virtualenv for all of them, .build/conformance-venv (created when missing, reused after).
# When `import IMPORTS` fails there, pip installs the PACKAGEs; when that fails too (no network),
# prints "LABEL: skipped (cannot install WHAT from PyPI)" and exits 0, except under CI=true, where
# it prints "LABEL: cannot install WHAT from PyPI (needed under CI)" and exits 1.
conformance_venv() {
  local label=$1 what=$2 imports=$3
  shift 3
  local venv=.build/conformance-venv
  if [ ! -x "$venv/bin/python" ]; then
    mkdir -p .build
    python3 -m venv "$venv"
  fi
  venv_python=$venv/bin/python
  if ! "$venv_python" -c "import $imports" 2>/dev/null; then
    if ! "$venv/bin/pip" install -q "$@" >&2; then
      if [ "${CI:-}" = "true" ]; then
        echo "$label: cannot install $what from PyPI (needed under CI)" >&2
        exit 1
      fi
      echo "$label: skipped (cannot install $what from PyPI)" >&2
      exit 0
    fi
  fi
}
