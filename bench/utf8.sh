#!/usr/bin/env bash
# Strings from UTF-8 bytes: nanoseconds per byte for the standard library's String(decoding:)
# (which checks byte by byte once a string holds a non-ASCII byte) against UTF8Text (M2RLCore:
# ASCII skipped a word at a time, common 2- and 3-byte scalars checked from one load, then no
# second check), on ASCII English, English with one accented word a sentence, and Chinese,
# about 100 KB each; medians of 15 rounds of 50 repeats, in one process built with swiftc -O
# from bench/utf8_strings.swift and Sources/M2RLCore/UTF8Text.swift.
#
#   bench/utf8.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup
out=.build/bench-utf8
mkdir -p "$out"
swiftc -O -parse-as-library -module-name UTF8Bench Sources/M2RLCore/UTF8Text.swift bench/utf8_strings.swift -o "$out/utf8" >&2
"$out/utf8"
