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
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-${BAOCAO_BUILDDIR:-build}}
case "$build" in /*) ;; *) build="$here/$build" ;; esac
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$here" --buildtype=debugoptimized
fi
ninja -C "$build" bench/consolidate-bench >/dev/null
base=/tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
dir=$(mktemp -d "$base/baocao-consolidate.XXXXXX")
trap 'rm -rf "$dir"' EXIT
BAOCAO_DATADIR="$here/data" "$build/bench/consolidate-bench" "$dir" "${RUNS:-20}"
