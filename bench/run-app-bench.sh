#!/usr/bin/env bash
# Builds a release binary and runs bench/app_bench.py under Xvfb: the default launch (the app
# picks its renderer) as the headline, SDL_RENDER_DRIVER overrides as comparison rows.
# Extra arguments go to app_bench.py, e.g. --seconds 20 --compare software,opengl.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ensure_packages "${unknot_build_packages[@]}" xvfb xauth xdotool python3
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DUNKNOT_BUILD_TESTS=OFF
cmake --build build/bench -j "$(nproc)" --target unknot
xvfb-run -a -s "-screen 0 1280x1024x24" python3 bench/app_bench.py build/bench/src/unknot "$@"
