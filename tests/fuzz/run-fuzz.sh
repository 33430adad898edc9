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
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS
"$fuzzer" "$work" "$corpus" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix="$work/" -print_final_stats=1
