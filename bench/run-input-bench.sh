#!/usr/bin/env bash
# Bounded work on hostile input (issue 11), with an already built tree (default build/dev):
# - bench/input_bench.cpp: rejecting the largest allowed routine file and a 100 MB one, the error
#   screen that explains it, wrapping a 1 MB error message with the real font;
# - the app started on a 1 MiB bad routine file and on a 1 MiB bad homework file under SDL's
#   dummy video driver, sent SIGTERM after a delay: how long it takes to exit, and its status;
# - render-audio of a 60-minute session: peak resident memory (/usr/bin/time -v).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/dev}"
app="$build/src/unknot"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$build/bench/unknot_input_bench"

# A 1 MiB file whose one step has an unknown member with a name as long as fills it.
make_bad() {
  python3 - "$1" <<'PY'
import sys
head = ('{"format_version": 1, "id": "r", "title": "T", "steps": [{"type": "breathing", '
        '"title": "B", "pattern": "extended_exhale_4_6", "duration_s": 60, "')
tail = '": 1}]}'
open(sys.argv[1], "w").write(head + "n" * (1024 * 1024 - len(head) - len(tail)) + tail)
PY
}
make_bad "$tmp/bad.json"
cp "$tmp/bad.json" "$tmp/bad.unknot"

echo "SIGTERM to the app opening a 1 MiB bad file (dummy video):"
for file in bad.json bad.unknot; do
  for delay in 0.2 1.0 3.0; do
    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$app" --data-dir "$tmp/data" "$tmp/$file" \
      >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    start=$(date +%s%N)
    kill -TERM "$pid"
    status=0
    wait "$pid" || status=$?
    end=$(date +%s%N)
    printf '  %-10s SIGTERM after %4s s: exited in %6.1f ms, status %d\n' \
      "$file" "$delay" "$(echo "($end - $start) / 1000000" | bc -l)" "$status"
  done
done

echo "render-audio, a 60-minute session:"
/usr/bin/time -v "$app" render-audio --pattern resonance_6 --minutes 60 --out "$tmp/s.wav" \
  2>"$tmp/time.txt" | sed 's/^/  /'
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$tmp/time.txt" | sed 's/^\s*/  /'
