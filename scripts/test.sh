#!/usr/bin/env bash
# Installs what is missing, builds everything, and runs every test (ctest, all labels).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
# Chromium renders the clinician report in its test (headless, no network); tzdata gives the
# time-zone rules the daylight-saving tests set.
ensure_packages "${unknot_build_packages[@]}" chromium tzdata

build=build/ci
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j "$(nproc)"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" --timeout 300
