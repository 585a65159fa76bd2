# Sourced by the bench scripts with their arguments (`source bench/check-flag.sh "$@"`): sets
# check=1 for --check, and refuses any other argument with the script's usage line (exit 2).
check=0
for arg in "$@"; do
  case $arg in
    --check) check=1 ;;
    *) echo "usage: bench/$(basename "$0") [--check]" >&2; exit 2 ;;
  esac
done
