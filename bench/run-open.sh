#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The editor benchmark, one command: start-up to first frame against a bare
# libadwaita window, peak memory, and autosave latency.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BAOCAO_BUILDDIR:-build}
[ -f "$build/build.ninja" ] || meson setup "$build"
ninja -C "$build" baocao bench/bare-window bench/autosave-bench >/dev/null
python3 bench/open_bench.py "$build" data/samples/province-2024-05.json "${SHOW:-tbl/dvc25}"
"$build/bench/autosave-bench" data/samples/province-2024-05.json 500
