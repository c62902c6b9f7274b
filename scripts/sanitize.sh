#!/usr/bin/env bash
# The instrumented runs, after scripts/test.sh:
#  1. AddressSanitizer + UndefinedBehaviorSanitizer: the whole suite, instrumented (-O1);
#  2. ThreadSanitizer: the audio engine's tests (its callback thread against the session clock);
#  3. fuzzing: each libFuzzer target for a short while (scripts/fuzz.sh), crashes kept as tests.
# UNKNOT_FUZZ_SECONDS sets the fuzzing time per target (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ensure_packages "${unknot_build_packages[@]}" chromium clang-14 libclang-rt-14-dev

jobs=$(nproc)
started=$SECONDS
step() { echo "== $1 ($((SECONDS - started)) s in)"; }

step "AddressSanitizer and UndefinedBehaviorSanitizer"
# -O1 keeps the instrumented suite quick; leaks inside system libraries (fontconfig, the
# dummy video driver) are not ours and are listed in tests/sanitizers/lsan.supp.
asan=build/ci-asan
cmake -S . -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" -DUNKNOT_BUILD_BENCH=OFF \
  -DUNKNOT_SANITIZER=address,undefined
cmake --build "$asan" -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
  LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$asan" --output-on-failure -j "$jobs" --timeout 900

step "ThreadSanitizer"
tsan=build/ci-tsan
cmake -S . -B "$tsan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" -DUNKNOT_BUILD_BENCH=OFF -DUNKNOT_SANITIZER=thread
cmake --build "$tsan" -j "$jobs" --target unknot_audio_tests
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
  ctest --test-dir "$tsan" --output-on-failure -j "$jobs" --timeout 900 -L '^audio$'

step "fuzzing"
scripts/fuzz.sh "${UNKNOT_FUZZ_SECONDS:-20}"
step "all passed"
