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
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-${BAOCAO_BUILDDIR:-build}}
case "$build" in /*) ;; *) build="$here/$build" ;; esac
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$here" --buildtype=debugoptimized
fi
ninja -C "$build" bench/units-bench >/dev/null
base=/tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
dir=$(mktemp -d "$base/baocao-units.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export BAOCAO_DATADIR="$here/data" BAOCAO_LOCALEDIR="$build/po" GSETTINGS_SCHEMA_DIR="$build/data"
export GTK_A11Y=none GSETTINGS_BACKEND=memory GDK_DEBUG=gl-disable
xvfb-run -a -s "-screen 0 1366x768x24" "$build/bench/units-bench" "$dir" "${RUNS:-15}"
