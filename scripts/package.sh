#!/usr/bin/env bash
# Builds Unknot's Debian package: build/package/unknot_<version>_<arch>.deb, made by CPack from
# the same build scripts/test.sh tests (build/ci), so the package holds the tested program.
# Checks the desktop entry and the AppStream metainfo with their validators and the package with
# lintian, and stops on any error. scripts/package-test.sh then installs it and tries it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ensure_packages "${unknot_build_packages[@]}" dpkg-dev file lintian appstream desktop-file-utils
use_ccache

build=build/ci
out=build/package
configure_main_build "$build"
cmake --build "$build" -j "$(nproc)"

desktop-file-validate packaging/io.github.unknot.Unknot.desktop
# --no-net: the screenshots' addresses are checked for form only (the build has no network).
appstreamcli validate --no-net --explain packaging/io.github.unknot.Unknot.metainfo.xml

rm -rf "$out"
mkdir -p "$out"
# CPack's staging copy goes under $out as well, never into the clone's sources.
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$PWD/$out"
deb=$(find "$out" -maxdepth 1 -name 'unknot_*.deb' -print -quit)
[ -n "$deb" ] || { echo "package: cpack wrote no .deb into $out" >&2; exit 1; }

# Errors fail the build; warnings and notes are printed for the record.
lintian --fail-on error --tag-display-limit 0 "$deb"
echo "package: $deb"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends Installed-Size
