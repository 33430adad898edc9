#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The README's way of running Baocao (build-aux/dev.sh run) on a
# Vietnamese desktop speaks Vietnamese from the build tree, before any
# `meson install`: the CLI's help, its error lines, and (through the same
# text domain) the window.
#
# Environment: BAOCAO_BUILDDIR (the build tree under test).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The desktop's locale: the system's, or one compiled here (no root needed).
if ! locale -a 2>/dev/null | grep -qix 'vi_VN.utf8'; then
  localedef -i vi_VN -f UTF-8 "$tmp/vi_VN.UTF-8"
  export LOCPATH=$tmp
fi

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

run() {
  local lang=$1
  shift
  env -u LC_ALL -u LC_MESSAGES -u LANGUAGE -u BAOCAO_LOCALEDIR -u GSETTINGS_SCHEMA_DIR \
    LANG="$lang" HOME="$tmp" "$here/build-aux/dev.sh" run "$@"
}

# Each in English (C) and on the Vietnamese desktop.
for lang in C vi_VN.UTF-8; do
  run "$lang" help > "$tmp/help.$lang" 2> "$tmp/err" || fail "dev.sh run help: $(cat "$tmp/err")"
  status=0
  run "$lang" show 99 --library "$tmp/library.db" > /dev/null 2> "$tmp/show.$lang" || status=$?
  [ "$status" -eq 3 ] || fail "show 99: exit status $status, not 3"
done

cmp -s "$tmp/help.C" "$tmp/help.vi_VN.UTF-8" && fail "the help is in English: $(head -1 "$tmp/help.C")"
grep -q 'báo cáo' "$tmp/help.vi_VN.UTF-8" || fail "the help is not in Vietnamese"
# The build's own output stays off the application's standard output.
grep -q 'ninja' "$tmp/help.vi_VN.UTF-8" && fail "the build's output is mixed into the help"

english=$(tail -1 "$tmp/show.C")
vietnamese=$(tail -1 "$tmp/show.vi_VN.UTF-8")
[ "$english" != "$vietnamese" ] || fail "the error is in English: $english"
case "$vietnamese" in
  "baocao: "*"báo cáo 99"*) ;;
  *) fail "the error is not in Vietnamese: $vietnamese" ;;
esac

# The window is where the clerk left it: closed maximized, it opens
# maximized (under a window manager: openbox) and is saved so again. The
# README's run finds the build's settings schema.
config=$tmp/config
mkdir -p "$config/glib-2.0/settings"
printf '[io/github/baocao/Baocao]\nwindow-maximized=true\nwindow-width=1000\n' \
  > "$config/glib-2.0/settings/keyfile"
dbus-run-session -- xvfb-run -a -s '-screen 0 1366x768x24' env -u LC_ALL -u LANGUAGE LANG=C.UTF-8 \
  HOME="$tmp" XDG_CONFIG_HOME="$config" GSETTINGS_BACKEND=keyfile GSK_RENDERER=cairo NO_AT_BRIDGE=1 \
  BAOCAO_LIBRARY="$tmp/library.db" READY="$tmp/wm-ready" bash -c '
    openbox --startup "touch $READY" > /dev/null 2>&1 &
    wm=$!
    # The window manager first: a window mapped before it is never maximized.
    for i in $(seq 100); do [ -e "$READY" ] && break; sleep 0.1; done
    "$0" run > /dev/null 2>&1 &
    app=$!
    # Started (registered on the bus), however loaded the machine, then
    # its window mapped and maximized by the window manager (a fixed wait
    # lost that race on a busy machine).
    for i in $(seq 150); do
      gapplication list-actions io.github.baocao.Baocao > /dev/null 2>&1 && break
      sleep 0.2
    done
    for i in $(seq 300); do
      for w in $(xprop -root _NET_CLIENT_LIST 2> /dev/null | grep -o "0x[0-9a-f]*"); do
        xprop -id "$w" _NET_WM_STATE 2> /dev/null | grep -q _NET_WM_STATE_MAXIMIZED_HORZ && break 2
      done
      sleep 0.2
    done
    for i in $(seq 50); do
      gapplication action io.github.baocao.Baocao quit 2> /dev/null && break
      sleep 0.2
    done
    wait $app
    kill $wm' "$here/build-aux/dev.sh" 2> /dev/null
grep -qx 'window-height=.*' "$config/glib-2.0/settings/keyfile" \
  || fail "the window's state was not saved: $(cat "$config/glib-2.0/settings/keyfile")"
grep -qx 'window-maximized=true' "$config/glib-2.0/settings/keyfile" \
  || fail "the window did not open maximized again: $(cat "$config/glib-2.0/settings/keyfile")"
grep -qx 'window-width=1000' "$config/glib-2.0/settings/keyfile" \
  || fail "the window's width was not kept: $(cat "$config/glib-2.0/settings/keyfile")"

echo "ok"
