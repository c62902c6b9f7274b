# Sourced by run.sh and test.sh: installs the Debian 12 packages Unknot needs, only if missing.
# Uses sudo when not root. Nothing is downloaded from anywhere but Debian's archive.

unknot_build_packages=(
  build-essential cmake ninja-build pkg-config
  libsdl2-dev libsdl2-mixer-dev libsdl2-ttf-dev libsqlite3-dev
  nlohmann-json3-dev libcli11-dev doctest-dev libvorbis-dev
  fonts-inter fonts-dejavu-core
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
