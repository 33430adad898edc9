#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Export speed: the median of 20 DOCX and 20 XLSX exports of the province
# sample (data/samples/province-2024-05.json) by Baocao, beside python-docx
# and openpyxl writing the same content.
#   bench/run-export.sh [RUNS]
# The build folder is $BAOCAO_BUILDDIR (default: build), configured by
# build-aux/dev.sh; python-docx and openpyxl come from Debian's python3.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BAOCAO_BUILDDIR:-build}
runs=${1:-20}
sample="$here/data/samples/province-2024-05.json"
python=/usr/bin/python3
[ -x "$python" ] || python=python3

cd "$here"
[ -f "$build/build.ninja" ] || meson setup "$build" --buildtype=debugoptimized >/dev/null
ninja -C "$build" bench/export-bench >/dev/null

c=$("$build/bench/export-bench" "$sample" "$runs")
py=$("$python" bench/export_python.py "$sample" "$runs")

awk -v runs="$runs" -v c="$c" -v py="$py" 'BEGIN {
  split(c, cl, "\n"); split(py, pl, "\n")
  for (i in cl) { split(cl[i], f, " "); cm[f[1]] = f[2] }
  for (i in pl) { split(pl[i], f, " "); pm[f[1]] = f[2] }
  printf "median of %d runs, province sample\n", runs
  printf "%-5s %10s %14s %8s\n", "", "Baocao", "python", "ratio"
  printf "%-5s %8.2f ms %11.2f ms %7.1fx   (python-docx)\n", "DOCX", cm["docx"], pm["docx"], pm["docx"] / cm["docx"]
  printf "%-5s %8.2f ms %11.2f ms %7.1fx   (openpyxl)\n", "XLSX", cm["xlsx"], pm["xlsx"], pm["xlsx"] / cm["xlsx"]
}'
