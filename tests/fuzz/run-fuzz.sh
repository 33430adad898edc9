#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a fuzz target briefly on its seed corpus, new inputs going to a
# temporary directory so the source tree stays untouched:
#   run-fuzz.sh FUZZER CORPUS_DIR SECONDS [MAX_LEN]   (FUZZ_SECONDS overrides SECONDS)
set -u
fuzzer=$1
corpus=$2
seconds=${FUZZ_SECONDS:-$3}
max_len=${4:-4096}
# A missing or empty corpus would fuzz nothing and still pass.
if [ ! -d "$corpus" ] || [ -z "$(ls -A "$corpus")" ]; then
  echo "FAIL: the seed corpus $corpus is missing or empty" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS
"$fuzzer" "$work" "$corpus" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix="$work/" -print_final_stats=1 2> "$work/log"
status=$?
cat "$work/log" >&2
[ "$status" -eq 0 ] || exit "$status"
# Both libFuzzer and the stand-in driver say how many inputs they ran.
runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\)$/\1/p' "$work/log" | tail -1)
if [ -z "$runs" ] || [ "$runs" -eq 0 ]; then
  echo "FAIL: the fuzzer ran no input" >&2
  exit 1
fi
echo "fuzz: $runs inputs"
