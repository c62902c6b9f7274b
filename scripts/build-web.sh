#!/usr/bin/env bash
# Builds Unknot for the browser (WebAssembly) and writes a static site to build/web/: the app
# page, its wasm and data package, the web app manifest, icons and the service worker. Serve
# that folder over HTTPS, or from localhost (see the README, "Unknot in the browser").
# The C libraries are built from Debian's sources once, into a cache outside the clone
# (scripts/web-deps.sh); the app's objects are kept by ccache like the native build's.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ensure_packages emscripten nlohmann-json3-dev fonts-inter librsvg2-bin cmake ninja-build ccache
use_ccache
export NODE_PATH=/usr/share/nodejs  # Debian's acorn, for emcc's JS optimiser

deps=$(bash scripts/web-deps.sh | tail -n 1)
obj=build/web-obj
site=build/web
mkdir -p "$obj/headers" "$obj/fonts"
# Header-only libraries from Debian's packages, copied so emcc never sees the host's /usr/include.
rm -rf "$obj/headers/nlohmann"
cp -r /usr/include/nlohmann "$obj/headers/"
# The interface faces only (the display cut falls back to them): Inter from Debian's fonts-inter.
for face in Inter-Regular.otf Inter-SemiBold.otf; do
  cp -u "/usr/share/fonts/opentype/inter/$face" "$obj/fonts/"
done

# Storage and file problems are C++ exceptions, caught and shown: the web build keeps them.
# -Os: 15 % less wasm than -O2 (1.58 against 1.75 MB gzipped) and no slower to the first frame
# or in a session (bench/web/budgets.mjs).
emcmake cmake -S . -B "$obj" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  "-DCMAKE_CXX_FLAGS_RELEASE=-Os -DNDEBUG" -DCMAKE_CXX_FLAGS=-fexceptions \
  -DCMAKE_EXE_LINKER_FLAGS=-fexceptions \
  -DUNKNOT_WEB_DEPS="$deps" -DUNKNOT_WEB_HEADERS="$PWD/$obj/headers" \
  -DUNKNOT_WEB_FONTS="$PWD/$obj/fonts" "${unknot_cmake_launcher[@]}" >/dev/null
cmake --build "$obj" --target unknot_web -j "$(nproc)"

# The site: the page as index.html, its files, icons and the worker with this build's version.
rm -rf "$site.new"
mkdir -p "$site.new/icons"
cp "$obj/platform/web/unknot.html" "$site.new/index.html"
cp "$obj/platform/web/unknot.js" "$obj/platform/web/unknot.wasm" "$obj/platform/web/unknot.data" \
  "$site.new/"
# Spoken cues in other languages: a package each, fetched by those who speak it.
for voice in "$obj"/platform/web/voice-*.data; do
  [ -e "$voice" ] && cp "$voice" "${voice%.data}.js" "$site.new/"
done
cp platform/web/manifest.webmanifest "$site.new/"
bash scripts/make-icons.sh "$obj/icons" >/dev/null
cp "$obj/icons/web/"*.png "$site.new/icons/"
files=$(cd "$site.new" && find . -type f | sed 's|^\./||' | sort)
version=$(cd "$site.new" && cat $files | sha256sum | cut -c1-16)
# Every file is kept at install but the other languages' voices, which are kept once fetched.
quoted() { sed '/^$/d' | sed 's/.*/"&"/' | paste -sd, -; }
list=$(printf '%s\n' "" $files | grep -v '^voice-' | quoted)
on_demand=$(printf '%s\n' "" $files | grep '^voice-' | quoted || true)
sed -e "s/@VERSION@/$version/" -e "s|@FILES@|[$list]|" -e "s|@ON_DEMAND@|[$on_demand]|" \
  platform/web/sw.js >"$site.new/sw.js"
rm -rf "$site"
mv "$site.new" "$site"
du -sh "$site" | sed 's/^/web: site /'
echo "web: built $site (version $version)"
