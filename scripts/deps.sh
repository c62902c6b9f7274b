# Sourced by run.sh and test.sh: installs the Debian 12 packages Unknot needs, only if missing.
# Uses sudo when not root. Nothing is downloaded from anywhere but Debian's archive.

unknot_build_packages=(
  build-essential cmake ninja-build pkg-config
  libsdl2-dev libsdl2-mixer-dev libsdl2-ttf-dev libsqlite3-dev
  nlohmann-json3-dev libcli11-dev doctest-dev libvorbis-dev libflac-dev
  fonts-inter fonts-dejavu-core
  libstb-dev librsvg2-bin groff-base gettext  # window icon (PNG), icons (SVG to PNG), man page check, catalogs
)

ensure_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "unknot: these packages are missing and sudo is not available: ${missing[*]}" >&2
      return 1
    fi
  fi
  echo "unknot: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Compiled objects are kept outside the clone (ccache, keyed by compiler, flags and sources), so
# a second build of the same code on this machine is quick. Sets unknot_cmake_launcher for cmake.
use_ccache() {
  unknot_cmake_launcher=()
  command -v ccache >/dev/null 2>&1 || return 0
  export CCACHE_DIR="${CCACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/unknot/ccache}"
  export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-4G}"
  # Objects do not depend on where the clone is.
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR=1
  unknot_cmake_launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
}

# The main native build (Ninja, optimised, with line tables for backtraces): what test.sh tests
# and package.sh packages, so the Debian package holds the program the tests ran. Needs
# use_ccache first. -g1 compiles in about 60 % of the time full debug information takes. The
# test programs' own code (doctest's expansions, the cases) is compiled at -Og: a third quicker
# than -O2 for GCC on these files (and quicker than -O0, whose unoptimised objects are twice the
# size); the code under test stays at -O2.
configure_main_build() {
  cmake -S . -B "$1" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" -DUNKNOT_TEST_CXX_FLAGS=-Og \
    "${unknot_cmake_launcher[@]}"
}
