#!/bin/sh
# Started where there is no display (no DISPLAY, no WAYLAND_DISPLAY, no SDL_VIDEODRIVER), the
# app says so plainly and exits 1 at once, instead of running an invisible window until killed.
# Usage: no_display.sh PATH_TO_UNKNOT
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
said="$data/said"
env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER SDL_AUDIODRIVER=dummy \
  timeout 20 "$1" --data-dir "$data/d" 2>"$said" >/dev/null
got=$?
if [ "$got" -ne 1 ]; then
  echo "FAIL: exited $got, expected 1 (124: still running after 20 s)" >&2
  cat "$said" >&2
  exit 1
fi
if ! grep -q "no display" "$said"; then
  echo "FAIL: the message does not say there is no display:" >&2
  cat "$said" >&2
  exit 1
fi
echo "ok: $(cat "$said")"
