# Sourced by the bench scripts: sets M2RL to the m2rl binary to measure. An M2RL already set is
# used as given; otherwise m2rl is built as scripts/setup says (SCRATCH=DIR builds with --scratch-path,
# in another build folder) after scripts/setup has installed what the build needs.
if [ -z "${M2RL:-}" ]; then
  source scripts/setup
  m2rl_build=("${m2rl_release[@]}")
  [ -n "${SCRATCH:-}" ] && m2rl_build+=(--scratch-path "$SCRATCH")
  swift build "${m2rl_build[@]}" --product m2rl >&2
  M2RL="$(swift build "${m2rl_build[@]}" --show-bin-path)/m2rl"
fi
