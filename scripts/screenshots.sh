#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the real app (dummy video driver, built-in routines).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ensure_packages "${unknot_build_packages[@]}" imagemagick
cmake -S . -B build/shots -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build/shots --target unknot_screenshot_tour
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for theme in dark light; do
  build/shots/tests/e2e/unknot_screenshot_tour "$tmp/$theme" "$theme" 2>/dev/null
  mkdir -p docs/screenshots/$theme
  for f in "$tmp/$theme"/*.bmp; do
    convert "$f" -resize 50% "docs/screenshots/$theme/$(basename "${f%.bmp}").png"
  done
done
echo "wrote docs/screenshots/{dark,light}/*.png"
