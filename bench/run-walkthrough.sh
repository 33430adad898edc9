#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The province clerk's month in the window, timed step by step:
#   bench/run-walkthrough.sh [BUILDDIR] [SHOTS_DIR]
# twelve districts (eleven files) received, the units' reports of June
# 2024, the province report made, one value typed over with a reason,
# DOCX and XLSX exported; receiving and making are beside the store calls
# alone in the same run. Runs on its own Xvfb at 1366×768 in Vietnamese;
# with SHOTS_DIR, a PNG of the screen after each step goes there, and
# the exported files are kept in it.
. "$(dirname "$0")/bench-env.sh"
bench_build bench/walkthrough-bench
dir=$(mktemp -d /tmp/baocao-walkthrough.XXXXXX)
trap 'rm -rf "$dir"' EXIT
shots=${2:-}
[ -n "$shots" ] && mkdir -p "$shots" && export SHOTS=$(cd "$shots" && pwd)
export BAOCAO_DATADIR="$here/data" BAOCAO_LOCALEDIR="$build/po" GSETTINGS_SCHEMA_DIR="$build/data"
export LANG=vi_VN.UTF-8 LC_ALL=vi_VN.UTF-8 GTK_A11Y=none
xvfb-run -a -s "-screen 0 1366x768x24" "$build/bench/walkthrough-bench" "$dir"
[ -n "$shots" ] && cp "$dir"/*.docx "$dir"/*.xlsx "$SHOTS"/ || true
