#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A province's report from 100 districts' reports, in one command:
#   bench/run-consolidate.sh [BUILDDIR]   (default: $BAOCAO_BUILDDIR or build)
# writes 100 districts' report files (on /dev/shm when there is one) and
# prints the median time to receive them all in one action, beside
# open-file of each in the same run, and the median time to consolidate
# the province's report from them, beside one plain SQL query summing
# their values by key. RUNS=N changes the number of consolidations (20).
. "$(dirname "$0")/bench-env.sh"
bench_build bench/consolidate-bench
bench_tmpdir baocao-consolidate
BAOCAO_DATADIR="$here/data" "$build/bench/consolidate-bench" "$dir" "${RUNS:-20}"
