#!/usr/bin/env bash
# Installs what is missing, builds the app, and starts it. Extra arguments go to unknot,
# e.g. scripts/run.sh --routine neck_tension_headache
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ensure_packages "${unknot_build_packages[@]}"

build=build/run
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DUNKNOT_BUILD_TESTS=OFF -DUNKNOT_BUILD_BENCH=OFF
cmake --build "$build" -j "$(nproc)" --target unknot
exec "$build/src/unknot" "$@"
