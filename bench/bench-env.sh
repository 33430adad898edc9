# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=sh
#
# Sourced by the bench/run-*.sh scripts that take [BUILDDIR] first:
#   . "$(dirname "$0")/bench-env.sh"
# sets $here (the source tree) and $build (the script's first argument,
# else $BAOCAO_BUILDDIR, else build; made absolute).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-${BAOCAO_BUILDDIR:-build}}
case "$build" in /*) ;; *) build="$here/$build" ;; esac

# Configures $build when it is not yet, then builds the targets named.
bench_build() {
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$here" --buildtype=debugoptimized
  fi
  ninja -C "$build" "$@" >/dev/null
}

# $dir: a new folder NAME.XXXXXX for the bench's files, in memory
# (/dev/shm) when there is one, removed when the script exits.
bench_tmpdir() {
  base=/tmp
  [ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
  dir=$(mktemp -d "$base/$1.XXXXXX")
  trap 'rm -rf "$dir"' EXIT
}
