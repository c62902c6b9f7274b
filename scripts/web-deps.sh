#!/usr/bin/env bash
# Builds the web build's C libraries (SDL2, SDL2_mixer with Ogg Vorbis, SDL2_ttf with FreeType,
# SQLite) as static WebAssembly libraries from Debian's own source packages, into a cache outside
# the clone keyed by their versions and the compiler's: a second run on the same machine only
# checks the key. Prints the prefix (include/ and lib/) on its last line.
#
# Emscripten's own ports (-sUSE_SDL=2 and friends) download at build time, which fails offline,
# so they are not used.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh

# The source packages, pinned to what Debian 12 ships (the key changes if any of these does).
web_source_packages=(libsdl2 libsdl2-mixer libsdl2-ttf libogg libvorbis freetype sqlite3)

ensure_packages emscripten dpkg-dev tcl ca-certificates
# `apt-get source` needs deb-src entries; Debian 12's image has only binary ones. Add the same
# archive for sources, once.
if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
      "${sudo[@]}" tee /etc/apt/sources.list.d/unknot-deb-src.sources >/dev/null
  else
    grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' |
      "${sudo[@]}" tee /etc/apt/sources.list.d/unknot-deb-src.list >/dev/null
  fi
  "${sudo[@]}" apt-get update -q
fi

# The cache key: every source version, the compiler, and this script.
versions=""
for pkg in "${web_source_packages[@]}"; do
  v=$(apt-cache showsrc "$pkg" | awk '/^Version:/ {print $2; exit}')
  [ -n "$v" ] || { echo "web-deps: no source package $pkg in the archive" >&2; exit 1; }
  versions+="$pkg=$v "
done
# sed reads the whole output: head would close the pipe early, and emcc fails writing the rest
# (BrokenPipeError), which pipefail makes this script's failure.
emcc_version=$(emcc --version | sed -n '1p')
key=$(printf '%s\n%s\n' "$versions" "$emcc_version" | cat - "$0" | sha256sum | cut -c1-16)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/unknot/web-deps"
prefix="$cache/$key"
if [ -f "$prefix/.complete" ]; then
  echo "$prefix"
  exit 0
fi

echo "web-deps: building $versions" >&2
work="$cache/work-$key"
rm -rf "$work" "$prefix"
mkdir -p "$work" "$prefix"
jobs=$(nproc)
# Debian's Node.js modules (acorn) are where emcc's JS optimiser looks for them.
export NODE_PATH=/usr/share/nodejs

fetch() {  # fetch PKG -> prints the unpacked source directory (with Debian's patches)
  local pkg=$1
  mkdir -p "$work/$pkg"
  (cd "$work/$pkg" && apt-get source -q "$pkg" >/dev/null 2>&1) ||
    { echo "web-deps: apt-get source $pkg failed" >&2; exit 1; }
  find "$work/$pkg" -maxdepth 1 -mindepth 1 -type d | head -n 1
}

build_cmake() {  # build_cmake SRC [cmake args...]
  local src=$1
  shift
  emcmake cmake -S "$src" -B "$src/build-wasm" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_FIND_ROOT_PATH="$prefix" -DBUILD_SHARED_LIBS=OFF "$@" >"$src/configure.log" 2>&1 ||
    { tail -n 30 "$src/configure.log" >&2; exit 1; }
  cmake --build "$src/build-wasm" -j "$jobs" >"$src/build.log" 2>&1 ||
    { tail -n 30 "$src/build.log" >&2; exit 1; }
  cmake --install "$src/build-wasm" >/dev/null
}

declare -A src
for pkg in "${web_source_packages[@]}"; do
  src[$pkg]=$(fetch "$pkg")
  echo "web-deps: $pkg -> ${src[$pkg]}" >&2
done

# libogg's check_type_size fails under this toolchain: give it the sizes wasm32 has.
build_cmake "${src[libogg]}" -DINSTALL_DOCS=OFF \
  -DHAVE_INT16_SIZE=TRUE -DINT16_SIZE=2 -DHAVE_UINT16_SIZE=TRUE -DUINT16_SIZE=2 \
  -DHAVE_U_INT16_SIZE=TRUE -DU_INT16_SIZE=2 -DHAVE_INT32_SIZE=TRUE -DINT32_SIZE=4 \
  -DHAVE_UINT32_SIZE=TRUE -DUINT32_SIZE=4 -DHAVE_U_INT32_SIZE=TRUE -DU_INT32_SIZE=4 \
  -DHAVE_INT64_SIZE=TRUE -DINT64_SIZE=8 -DHAVE_UINT64_SIZE=TRUE -DUINT64_SIZE=8 \
  -DHAVE_U_INT64_SIZE=TRUE -DU_INT64_SIZE=8 -DHAVE_SHORT_SIZE=TRUE -DSHORT_SIZE=2 \
  -DHAVE_INT_SIZE=TRUE -DINT_SIZE=4 -DHAVE_LONG_SIZE=TRUE -DLONG_SIZE=4 \
  -DHAVE_LONG_LONG_SIZE=TRUE -DLONG_LONG_SIZE=8
build_cmake "${src[libvorbis]}"
build_cmake "${src[freetype]}" -DFT_DISABLE_ZLIB=ON -DFT_DISABLE_BZIP2=ON -DFT_DISABLE_PNG=ON \
  -DFT_DISABLE_HARFBUZZ=ON -DFT_DISABLE_BROTLI=ON
# SDL2 for the browser: video, events and audio; no threads (the app has none; Web Audio calls
# the mixer on the main thread).
build_cmake "${src[libsdl2]}" -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_PTHREADS=OFF \
  -DSDL_THREADS=OFF
build_cmake "${src[libsdl2-mixer]}" -DSDL2MIXER_DEPS_SHARED=OFF \
  -DSDL2MIXER_VORBIS=VORBISFILE -DSDL2MIXER_VORBIS_VORBISFILE_SHARED=OFF \
  -DSDL2MIXER_FLAC=OFF -DSDL2MIXER_MOD=OFF -DSDL2MIXER_MP3=OFF -DSDL2MIXER_MIDI=OFF \
  -DSDL2MIXER_OPUS=OFF -DSDL2MIXER_WAVPACK=OFF -DSDL2MIXER_SAMPLES=OFF -DSDL2MIXER_CMD=OFF
build_cmake "${src[libsdl2-ttf]}" -DSDL2TTF_VENDORED=OFF -DSDL2TTF_HARFBUZZ=OFF \
  -DSDL2TTF_SAMPLES=OFF

# SQLite: Debian ships the full source tree; its build makes the one-file amalgamation with the
# host's tclsh, which emcc then compiles. No threads, no extensions; the journal is a plain
# rollback file (the browser's file system has no shared memory for a write-ahead log).
sq=${src[sqlite3]}
(cd "$sq" && mkdir -p bld-host && cd bld-host && ../configure >/dev/null 2>&1 &&
  make sqlite3.c >/dev/null 2>&1) || { echo "web-deps: sqlite3.c generation failed" >&2; exit 1; }
emcc -O2 -c "$sq/bld-host/sqlite3.c" -o "$work/sqlite3.o" -DSQLITE_THREADSAFE=0 \
  -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_OMIT_WAL -DSQLITE_DEFAULT_FOREIGN_KEYS=0 \
  -DSQLITE_DQS=0 -DSQLITE_DEFAULT_MEMSTATUS=0
emar rcs "$prefix/lib/libsqlite3.a" "$work/sqlite3.o"
cp "$sq/bld-host/sqlite3.h" "$prefix/include/"

printf '%s\n' "$versions" >"$prefix/VERSIONS"
touch "$prefix/.complete"
rm -rf "$work"
echo "$prefix"
