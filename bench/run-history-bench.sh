#!/usr/bin/env bash
# Builds release binaries, generates ten years of history into a temporary folder
# (bench/make_history_db.cpp), times the store's reads on it (bench/storage_bench.cpp) and the
# real app's start-up, History and Progress tabs and Share report (bench/progress_bench.cpp).
# Extra arguments go to the generator, e.g. --years 20 --seed 7.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ensure_packages "${unknot_build_packages[@]}"
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DUNKNOT_BUILD_TESTS=OFF
cmake --build build/bench -j "$(nproc)" --target unknot_make_history_db unknot_storage_bench \
  unknot_progress_bench unknot_trends_bench
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
build/bench/bench/unknot_make_history_db "$dir/data" "$@"
build/bench/bench/unknot_storage_bench "$dir/data"
build/bench/bench/unknot_progress_bench "$dir/data"
build/bench/bench/unknot_trends_bench
