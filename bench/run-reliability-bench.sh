#!/usr/bin/env bash
# Nothing lost, nothing hangs (issue 11): builds the app and the bench tools it reads (default
# build/dev; BUILD=dir to change it) and runs bench/reliability_bench.py under Xvfb: SIGKILLs at
# random moments of the real app and of `import` / `export`, damaged databases, time to reject
# hostile input, and the latest fuzzing figures. Extra arguments go to reliability_bench.py,
# e.g. --kills 30 for a quicker run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ensure_packages "${unknot_build_packages[@]}" xvfb xauth xdotool python3 util-linux
build="${BUILD:-build/dev}"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" -j "$(nproc)" --target unknot unknot_input_bench unknot_make_history_db
xvfb-run -a -s "-screen 0 1280x1024x24" python3 bench/reliability_bench.py "$build" "$@"
