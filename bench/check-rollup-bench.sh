#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The roll-up benchmark, one round on 24 reports: each line it promises
# (bench/run-rollup.sh, README "Benchmarks"), the built line with the
# median and its ratio against its reference of the same run.
set -eu
out=$("$1" 1 24)
printf '%s\n' "$out"
for pattern in \
  '^reference (one SQL query, [0-9]* keys summed): median [0-9.]* ms$' \
  '^roll-up computed: median [0-9.]* ms ([0-9.]*× the reference)$' \
  '^built: district-annual from 12 months, end to end (.*[0-9]* rows): median [0-9.]* ms; its reference (.*): median [0-9.]* ms ([0-9.]*× its reference)$'
do
  if ! printf '%s\n' "$out" | grep -q "$pattern"; then
    echo "check-rollup-bench: no line matches: $pattern" >&2
    exit 1
  fi
done
