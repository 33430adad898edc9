#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The units' reports of a month in the window, for a province of 84:
#   bench/run-units.sh [BUILDDIR]   (default: $BAOCAO_BUILDDIR or build)
# writes 84 districts' June 2024 report files, receives them into a
# fresh library, then times listing June in the units window (median of
# RUNS, 15) against the same window listing an empty month, and against
# checking the 84 reports as the list did before it read the counts the
# library keeps. Runs on its own Xvfb.
. "$(dirname "$0")/bench-env.sh"
bench_build bench/units-bench
bench_tmpdir baocao-units
export BAOCAO_DATADIR="$here/data" BAOCAO_LOCALEDIR="$build/po" GSETTINGS_SCHEMA_DIR="$build/data"
export GTK_A11Y=none GSETTINGS_BACKEND=memory GDK_DEBUG=gl-disable
xvfb-run -a -s "-screen 0 1366x768x24" "$build/bench/units-bench" "$dir" "${RUNS:-15}"
