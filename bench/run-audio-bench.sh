#!/usr/bin/env bash
# Builds release binaries and runs the audio benchmarks:
#  1. bench/audio_bench.cpp: a 30-minute session rendered offline, every cue found again in the
#     written WAV (onset error and drift, target 0 frames), render speed;
#  2. bench/sound_bench.cpp: loudness, true peak, words over the rest, clip spread, small-speaker
#     band, how far apart each sound set's in, out and hold are, a 2-hour render's speed and
#     memory;
#  3. a cross-check of the loudness figures with ffmpeg's EBU R128 meter on `render-audio`
#     output (and `/usr/bin/time` for the command's peak memory).
# Extra arguments go to the first benchmark, e.g. --out /tmp/session.wav, --rate 44100.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ensure_packages "${unknot_build_packages[@]}" libvorbis-dev ffmpeg time
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DUNKNOT_BUILD_TESTS=OFF
cmake --build build/bench -j "$(nproc)" --target unknot_audio_bench unknot_sound_bench unknot
echo "== onsets =="
build/bench/bench/unknot_audio_bench "$@"
echo
echo "== sound =="
build/bench/bench/unknot_sound_bench
echo
echo "== ffmpeg ebur128 on render-audio output (integrated LUFS, true peak dBTP) =="
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
measure() {
  ffmpeg -nostats -hide_banner -i "$1" -af ebur128=peak=true -f null - 2>&1 |
    awk '/I:/ {lufs=$2} /Peak:/ {peak=$2} END {printf "%7s LUFS %6s dBTP", lufs, peak}'
}
for args in "--routine neck_tension_headache" "--routine jaw_temple" "--routine low_back_hips" \
            "--pattern resonance_6 --minutes 10" "--pattern box_4 --minutes 10" \
            "--pattern cyclic_sigh --minutes 10" "--routine neck_tension_headache --no-voice" \
            "--routine neck_tension_headache --breath-tone --ambient ocean"; do
  # shellcheck disable=SC2086
  build/bench/unknot render-audio $args --out "$work/s.wav" >/dev/null
  printf '%-58s %s\n' "$args" "$(measure "$work/s.wav")"
done
echo
echo "== render-audio, 2 hours (resonance 6, breath tone and ocean) =="
/usr/bin/time -f "%e s wall, %M KB peak resident" build/bench/unknot render-audio \
  --pattern resonance_6 --minutes 120 --breath-tone --ambient ocean --out "$work/long.wav"
