#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# kill -9 in the middle of typing, 100 times, in one command:
#   bench/run-kill.sh [BUILDDIR]     (default: $BAOCAO_BUILDDIR or build)
# runs the suite's kill loop (tests/test-edit-session.c, 25 rounds there)
# for ROUNDS rounds (default 100): each round an editing process writes
# values of its own and is killed with SIGKILL after a random number of
# saves; the library must pass integrity_check and hold at least the last
# edit announced as saved, the three values of one step together.
. "$(dirname "$0")/bench-env.sh"
bench_build tests/test-edit-session tests/bc-edit-driver
start=$(date +%s)
out=$(BC_KILL_ROUNDS="${ROUNDS:-100}" BAOCAO_DATADIR="$here/data" TZ=UTC \
      G_TEST_SRCDIR="$here/tests" G_TEST_BUILDDIR="$build/tests" \
      "$build/tests/test-edit-session" -p /bc/edit-session/kill-loop 2>&1) || {
  printf '%s\n' "$out" >&2
  echo "kill -9: FAILED" >&2
  exit 1
}
printf '%s\n' "$out" | sed -n 's/^# kill -9:/kill -9:/p'
echo "in $(( $(date +%s) - start )) s"
