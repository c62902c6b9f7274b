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
    name=$(basename "${f%.bmp}")
    case $name in
      phone-* | desktop-*) convert "$f" "docs/screenshots/$theme/$name.png" ;;  # at scale 1
      *) convert "$f" -resize 50% "docs/screenshots/$theme/$name.png" ;;  # the tour's scale 2
    esac
  done
done
echo "wrote docs/screenshots/{dark,light}/*.png"
