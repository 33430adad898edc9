#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The checks' speed, in one command:
#   bench/run-check.sh [BUILDDIR]     (default: $BAOCAO_BUILDDIR or build)
# prints the median time to check one full province monthly report and to
# check a province's year of reports (12 months × 84 units) from a library.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-${BAOCAO_BUILDDIR:-build}}
case "$build" in /*) ;; *) build="$here/$build" ;; esac
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$here" --buildtype=debugoptimized
fi
ninja -C "$build" bench/check-bench >/dev/null
BAOCAO_DATADIR="$here/data" "$build/bench/check-bench" "${SINGLE_RUNS:-2000}" "${PASSES:-5}"
