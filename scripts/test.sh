#!/usr/bin/env bash
# Installs what is missing, builds everything, and runs every test (ctest, all labels), then the
# instrumented runs (scripts/sanitize.sh: AddressSanitizer + UndefinedBehaviorSanitizer on the
# whole suite, ThreadSanitizer on the audio engine, a short fuzzing run of each target).
# Between the two: the Debian package, installed and removed again (scripts/package.sh,
# scripts/package-test.sh), and the web build and its end-to-end test in Chromium
# (scripts/web-test.sh).
# UNKNOT_SKIP_WEB=1 leaves the web build out; UNKNOT_SKIP_SANITIZERS=1 stops before the
# instrumented runs (a quicker loop while working).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
# Chromium renders the clinician report in its test (headless, no network); tzdata gives the
# time-zone rules the daylight-saving tests set; ccache keeps compiled objects between runs.
ensure_packages "${unknot_build_packages[@]}" chromium tzdata ccache
use_ccache

started=$SECONDS
# The web build's C libraries (scripts/web-deps.sh, cached by version outside the clone) build
# beside the native compile: much of their time is CMake's one-at-a-time configure checks, which
# leave a core free. Waited for before the tests run, so the tests have the machine to themselves.
web_deps_pid=""
if [ "${UNKNOT_SKIP_WEB:-0}" != 1 ]; then
  ensure_packages emscripten dpkg-dev tcl
  mkdir -p build
  bash scripts/web-deps.sh >build/web-deps.log 2>&1 &
  web_deps_pid=$!
fi
build=build/ci
configure_main_build "$build"
cmake --build "$build" -j "$(nproc)"
if [ -n "$web_deps_pid" ] && ! wait "$web_deps_pid"; then
  cat build/web-deps.log >&2
  echo "unknot: the web build's libraries failed to build (build/web-deps.log)" >&2
  exit 1
fi
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" --timeout 300
echo "== plain suite passed ($((SECONDS - started)) s)"

# The Debian package of the program just tested, checked by lintian and the desktop validators,
# then installed on this machine, tried as a person would, and removed.
bash scripts/package.sh
bash scripts/package-test.sh
echo "== Debian package built, installed, tried and removed ($((SECONDS - started)) s)"

# The same app built for the browser, and its journey played in headless Chromium.
if [ "${UNKNOT_SKIP_WEB:-0}" != 1 ]; then
  bash scripts/web-test.sh
fi

if [ "${UNKNOT_SKIP_SANITIZERS:-0}" != 1 ]; then
  bash scripts/sanitize.sh
fi
