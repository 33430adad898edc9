#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Lists every file with translatable strings in POTFILES.in, extracts them
# and merges them into the translations. With --check, changes nothing and
# fails when a string of the sources is missing or untranslated in a .po,
# or when a translation's format specifications do not match its msgid's.
set -euo pipefail
cd "$(dirname "$0")/.."

check=false
[ "${1:-}" = "--check" ] && check=true

potfiles=$(mktemp)
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$potfiles" "$pot"' EXIT

{
  echo "# List of source files with translatable strings (po/update-po.sh writes it)."
  grep -lE '\b(N?_|C_|NC_|ngettext)\s*\(' app/*/*.c ui/*/*.c | sort
  grep -l 'translatable="yes"' ui/*/*.ui resources/gtk/*.ui | sort
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml
} > "$potfiles"

grep -v '^#' "$potfiles" > "$pot.list"
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=ngettext:1,2 --add-comments=Translators --package-name=baocao \
  --files-from="$pot.list" -o "$pot" 2>/dev/null
rm -f "$pot.list"

status=0
for po in po/*.po; do
  if $check; then
    merged=$(mktemp)
    msgmerge --quiet --no-fuzzy-matching -o "$merged" "$po" "$pot"
    stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$merged" 2>&1)
    rm -f "$merged"
    if ! diff -q <(grep -v '^#' "$potfiles") <(grep -v '^#' po/POTFILES.in) >/dev/null; then
      echo "po/POTFILES.in is out of date: run po/update-po.sh"; status=1
    fi
    # -c: a translation's format specifications must match its msgid's
    # (a doubled plural once printed a count twice).
    if ! msgfmt -c -o /dev/null "$po"; then
      status=1
    fi
    case "$stats" in
      *untranslated*|*fuzzy*) echo "$po: $stats"; status=1;;
      *) echo "$po: $stats";;
    esac
  else
    cp "$potfiles" po/POTFILES.in
    msgmerge --quiet --update --backup=none "$po" "$pot"
    LC_ALL=C msgfmt --statistics -o /dev/null "$po"
  fi
done
exit $status
