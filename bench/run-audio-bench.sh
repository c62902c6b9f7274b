#!/usr/bin/env bash
# Builds a release binary and runs the audio benchmark (bench/audio_bench.cpp): a 30-minute
# session rendered offline, every cue found again in the written WAV. Extra arguments go to
# the benchmark, e.g. --out /tmp/session.wav to keep the file, --rate 44100.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ensure_packages "${unknot_build_packages[@]}" libvorbis-dev
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DUNKNOT_BUILD_TESTS=OFF
cmake --build build/bench -j "$(nproc)" --target unknot_audio_bench
build/bench/bench/unknot_audio_bench "$@"
