#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Applies .clang-format to the given C files, or to every tracked .c and .h
# of app/, ui/, tests/, bench/ and main.c.
#   build-aux/format.sh            the whole tree
#   build-aux/format.sh FILE…      those files
# clang-format splits G_DEFINE_QUARK's dashed name ("bc-store-error-quark"
# becomes "bc - store - error - quark") whatever it is told: put back.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  mapfile -t files < <(git ls-files -- 'app/*.[ch]' 'ui/*.[ch]' 'tests/*.[ch]' 'bench/*.[ch]' main.c)
else
  files=("$@")
fi
[ ${#files[@]} -eq 0 ] && exit 0
clang-format -i --style=file "${files[@]}"
sed -i -E '/^G_DEFINE_QUARK \(/ { :a; s/^(G_DEFINE_QUARK \([a-z0-9-]*) - /\1-/; ta }' "${files[@]}"
