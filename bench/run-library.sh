#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The library at scale, one command: a library of 10.000 reports generated
# from the samples (outside the repository), the window's first frame and
# peak memory with it against the same window with an empty library, and
# the median time of a search over it.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BAOCAO_BUILDDIR:-build}
[ -f "$build/build.ninja" ] || meson setup "$build"
ninja -C "$build" baocao bench/library-bench >/dev/null
python3 bench/library_bench.py "$build" "${REPORTS:-10000}"
