#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The checks' speed, in one command:
#   bench/run-check.sh [BUILDDIR]     (default: $BAOCAO_BUILDDIR or build)
# prints the median time to check one full province monthly report and to
# check a province's year of reports (12 months × 84 units) from a library.
. "$(dirname "$0")/bench-env.sh"
bench_build bench/check-bench
BAOCAO_DATADIR="$here/data" "$build/bench/check-bench" "${SINGLE_RUNS:-2000}" "${PASSES:-5}"
