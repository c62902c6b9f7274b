#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (fuzz/CMakeLists.txt) and runs each for a while.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 600 s, every target)
# UNKNOT_FUZZ_BUILD names a build folder configured with UNKNOT_FUZZ=ON to use instead of
# build/fuzz (scripts/sanitize.sh passes its AddressSanitizer build).
# The growing corpus lives outside the clone (~/.cache/unknot-fuzz/<target>), seeded from
# fuzz/corpus/<target>. A crash is copied to fuzz/crashes/<target>/ (where the replay tests pick
# it up) and the script exits 1. Prints each target's executions and speed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ensure_packages "${unknot_build_packages[@]}" clang-14 libclang-rt-14-dev

seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(routine homework library cli)

build=${UNKNOT_FUZZ_BUILD:-}
if [ -z "$build" ]; then
  build=build/fuzz
  use_ccache
  cmake -S . -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DUNKNOT_FUZZ=ON -DUNKNOT_BUILD_TESTS=OFF \
    "${unknot_cmake_launcher[@]}" -DUNKNOT_BUILD_BENCH=OFF \
    -DUNKNOT_SANITIZER=address,undefined,fuzzer-no-link >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target "${targets[@]/#/unknot_fuzz_}"

cache=${XDG_CACHE_HOME:-$HOME/.cache}/unknot-fuzz
status=0
for target in "${targets[@]}"; do
  corpus="$cache/$target"
  artifacts="$cache/$target-artifacts"
  mkdir -p "$corpus" "$artifacts"
  log="$cache/$target.log"
  set +e
  "$build/fuzz/unknot_fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" \
    "$corpus" "fuzz/corpus/$target" >"$log" 2>&1
  code=$?
  set -e
  runs=$(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  speed=$(grep -m1 -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  inputs=$(find "$corpus" -type f | wc -l)
  if [ "$code" -ne 0 ]; then
    mkdir -p "fuzz/crashes/$target"
    for found in "$artifacts"/*; do
      [ -f "$found" ] && cp "$found" "fuzz/crashes/$target/" && echo "  kept $(basename "$found")"
    done
    echo "fuzz $target: FAILED after $runs runs (${speed}/s); see $log" >&2
    grep -m3 -E 'fuzz check failed|ERROR:|SUMMARY' "$log" >&2 || true
    status=1
  else
    echo "fuzz $target: $runs runs in ${seconds} s (${speed}/s), corpus $inputs inputs, no failure"
  fi
done
exit $status
