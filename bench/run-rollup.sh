#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The year's roll-up, in one command:
#   bench/run-rollup.sh [BUILDDIR]     (default: $BAOCAO_BUILDDIR or build)
# makes a library of 1.000 monthly reports (84 districts × 12 months, on
# /dev/shm when there is one) and prints the median time to roll up one
# district's year beside one plain SQL query reading the same 12 reports'
# values, and the "built" line: the district-annual report built from
# those 12 months end to end (found, opened, rolled up, the report, its
# values and provenance written) beside its reference, the same query and
# as many rows written in one transaction, all in the same run.
# RUNS=N changes the number of runs (20).
. "$(dirname "$0")/bench-env.sh"
bench_build bench/rollup-bench
BAOCAO_DATADIR="$here/data" "$build/bench/rollup-bench" "${RUNS:-20}"
