#!/usr/bin/env bash
# Builds a release binary and times `unknot render-audio` writing a 2-hour breathing session and
# a built-in routine as WAV, FLAC and Ogg Vorbis; prints length, wall time, speed (length over
# wall time), CPU time (user + system: what the speed would be on an otherwise idle machine is
# length over it), peak memory and file size of each. Targets for the 2-hour session, in every format: peak memory at most
# 64 MB and at least 300x real time; exits 1 if one is missed. Extra arguments go to every
# render, e.g. --rate 44100 --ambient ocean --breath-tone. UNKNOT=path/to/unknot times that
# binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ensure_packages "${unknot_build_packages[@]}" time
unknot="${UNKNOT:-}"
if [[ -z "$unknot" ]]; then
  use_ccache
  cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DUNKNOT_BUILD_TESTS=OFF \
    "${unknot_cmake_launcher[@]}"
  cmake --build build/bench -j "$(nproc)" --target unknot
  unknot="$PWD/build/bench/src/unknot"
fi
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

max_rss_mb=64
min_speed=300
missed=0
printf '%-34s %-5s %9s %8s %9s %8s %8s %8s\n' session format length wall speed cpu peak_MB size_MB
for session in "--pattern coherent_5 --minutes 120" "--routine neck_tension_headache"; do
  for format in wav flac ogg; do
    start=$(date +%s.%N)
    # shellcheck disable=SC2086  # the session is two or three words on purpose
    /usr/bin/time -f '%M %U %S' -o "$dir/rss" "$unknot" render-audio $session --format "$format" \
      --out "$dir/out.$format" --cues "$dir/cues.json" "$@" >/dev/null
    end=$(date +%s.%N)
    read -r rss_kb user_s system_s < <(tail -n 1 "$dir/rss")
    seconds=$(jq '.frames / .rate' "$dir/cues.json")
    bytes=$(stat -c %s "$dir/out.$format")
    row=$(awk -v s="$seconds" -v a="$start" -v b="$end" -v k="$rss_kb" -v n="$bytes" \
      -v u="$user_s" -v y="$system_s" 'BEGIN {
      wall = b - a
      printf "%6d:%02d %7.2fs %8.0fx %7.2fs %8.1f %8.1f", int(s / 60), int(s % 60), wall, s / wall,
        u + y, k / 1024, n / 1048576 }')
    printf '%-34s %-5s %s\n' "$session" "$format" "$row"
    if [[ "$session" == *"--minutes 120"* ]]; then
      read -r speed peak < <(awk -v s="$seconds" -v a="$start" -v b="$end" -v k="$rss_kb" \
        'BEGIN { printf "%d %.1f\n", s / (b - a), k / 1024 }')
      if ((speed < min_speed)) || awk -v p="$peak" -v m="$max_rss_mb" 'BEGIN { exit !(p > m) }'; then
        echo "  missed a target: ${speed}x real time (at least ${min_speed}x), ${peak} MB" \
          "(at most ${max_rss_mb} MB)"
        missed=1
      fi
    fi
    rm -f "$dir/out.$format"
  done
done
if ((missed)); then
  echo "Targets for the 2-hour session: MISSED"
  exit 1
fi
echo "Targets for the 2-hour session (<= ${max_rss_mb} MB, >= ${min_speed}x real time): met"
