#!/usr/bin/env bash
# The instrumented runs (scripts/test.sh runs them after the plain suite):
#  1. AddressSanitizer + UndefinedBehaviorSanitizer (clang): the whole suite. The same build has
#     libFuzzer's coverage, so it also makes the fuzz programs;
#  2. ThreadSanitizer (clang): the audio engine's tests, whose live sessions run SDL's audio
#     callback thread against the session clock;
#  3. fuzzing: each libFuzzer target for a short while (scripts/fuzz.sh), crashes kept as tests.
# UNKNOT_FUZZ_SECONDS sets the fuzzing time per target (default 15).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ensure_packages "${unknot_build_packages[@]}" chromium tzdata ccache clang-14 libclang-rt-14-dev
use_ccache

jobs=$(nproc)
started=$SECONDS
step() { echo "== $1 ($((SECONDS - started)) s in)"; }
clang=(-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14)
# Our code at -O1 (what the tests exercise runs at a fair speed); the test programs themselves
# at -O0, where most of the compile time would otherwise go on doctest's expansions.
optimise=("-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" -DUNKNOT_TEST_CXX_FLAGS=-O0)

step "AddressSanitizer and UndefinedBehaviorSanitizer"
asan=build/ci-asan
cmake -S . -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${clang[@]}" "${optimise[@]}" \
  "${unknot_cmake_launcher[@]}" -DUNKNOT_BUILD_BENCH=OFF -DUNKNOT_FUZZ=ON \
  -DUNKNOT_SANITIZER=address,undefined,fuzzer-no-link >/dev/null
cmake --build "$asan" -j "$jobs"
# Leaks inside system libraries (fontconfig) are not ours: tests/sanitizers/lsan.supp.
# The page sweep draws English and the pseudo-language here (its accented, longer words take the
# UTF-8 wrapping paths); Spanish adds layout, not new code paths, and is drawn in the plain run.
UNKNOT_PAGE_LANGUAGES="en qps" \
  ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
  LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$asan" --output-on-failure -j "$jobs" --timeout 900

step "ThreadSanitizer"
tsan=build/ci-tsan
cmake -S . -B "$tsan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${clang[@]}" "${optimise[@]}" \
  "${unknot_cmake_launcher[@]}" -DUNKNOT_BUILD_BENCH=OFF -DUNKNOT_SANITIZER=thread >/dev/null
cmake --build "$tsan" -j "$jobs" --target unknot_audio_tests
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
  ctest --test-dir "$tsan" --output-on-failure -j "$jobs" --timeout 900 -L '^audio$'

step "fuzzing"
UNKNOT_FUZZ_BUILD="$asan" bash scripts/fuzz.sh "${UNKNOT_FUZZ_SECONDS:-15}"
step "all instrumented runs passed"
