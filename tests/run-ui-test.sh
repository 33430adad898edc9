#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a widget test under an Xvfb of its own.
#
# Under the sanitizers (the asan setup) a widget test keeps ASan and UBSan
# but not LeakSanitizer. GTK 4.8 and GLib leak in widget tests on purpose
# or by timing: GLib drops its old quark array once GTK's types pass 2,048
# quarks, the file chooser drops the GError of a folder listing it cancels,
# GDK X11 drops the lists of a selection request still pending. Debian
# builds them without frame pointers, so with fast unwinding their stacks
# end in g_malloc and no suppression can tell them from ours; unwinding in
# full makes these tests ten times slower. Each widget test's fixture
# asserts instead that its window, store and sessions are finalized; the
# core and command-line tests keep leak checking.
set -eu

case ":${ASAN_OPTIONS:-}:" in
  *:detect_leaks=1:*) export ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0" ;;
esac
exec xvfb-run -a -s '-screen 0 1280x800x24' "$@"
