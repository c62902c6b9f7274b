#!/usr/bin/env bash
# Renders Unknot's icons (packaging/icons/*.svg) to PNGs with rsvg-convert (Debian package
# librsvg2-bin, installed through scripts/deps.sh if missing). Usage:
#   scripts/make-icons.sh OUTDIR
# writes
#   OUTDIR/hicolor/<N>x<N>/apps/io.github.unknot.Unknot.png             N = 16 24 32 48 64 128 256 512
#   OUTDIR/hicolor/<N>x<N>/mimetypes/application-x-unknot-homework.png  N = 16 24 32 48 64 128 256
#   OUTDIR/hicolor/scalable/{apps,mimetypes}/...svg                     the sources themselves
#   OUTDIR/web/icon-192.png, icon-512.png, maskable-512.png, apple-touch-icon.png (180)
set -euo pipefail

die() { echo "make-icons: $*" >&2; exit 1; }

if [ $# -ne 1 ] || [ -z "$1" ]; then
  die "usage: scripts/make-icons.sh OUTDIR"
fi
out_dir="$1"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
icons_dir="$(cd "${script_dir}/.." && pwd)/packaging/icons"
app_svg="${icons_dir}/unknot.svg"
maskable_svg="${icons_dir}/unknot-maskable.svg"
mime_svg="${icons_dir}/application-x-unknot-homework.svg"

for svg in "$app_svg" "$maskable_svg" "$mime_svg"; do
  [ -f "$svg" ] || die "missing source icon: $svg"
done

if ! command -v rsvg-convert >/dev/null 2>&1; then
  # shellcheck source=scripts/deps.sh
  source "${script_dir}/deps.sh"
  ensure_packages librsvg2-bin || die "could not install librsvg2-bin (needed for rsvg-convert)"
  command -v rsvg-convert >/dev/null 2>&1 || die "rsvg-convert is still not on PATH"
fi

# render SVG SIZE OUT: a SIZE x SIZE PNG, written to a temporary name first so a failed
# render never leaves a truncated file behind.
render() {
  local svg="$1" size="$2" out="$3"
  mkdir -p "$(dirname "$out")" || die "cannot create $(dirname "$out")"
  rsvg-convert --width="$size" --height="$size" --format=png --output="${out}.tmp" "$svg" \
    || { rm -f "${out}.tmp"; die "rsvg-convert failed on $svg at ${size}px"; }
  mv -f "${out}.tmp" "$out" || die "cannot write $out"
}

# The app icon is named by the app's id, as its desktop file and AppStream metainfo are.
app_id=io.github.unknot.Unknot
for n in 16 24 32 48 64 128 256 512; do
  render "$app_svg" "$n" "${out_dir}/hicolor/${n}x${n}/apps/${app_id}.png"
done
for n in 16 24 32 48 64 128 256; do
  render "$mime_svg" "$n" "${out_dir}/hicolor/${n}x${n}/mimetypes/application-x-unknot-homework.png"
done
mkdir -p "${out_dir}/hicolor/scalable/apps" "${out_dir}/hicolor/scalable/mimetypes" \
  || die "cannot create ${out_dir}/hicolor/scalable"
cp -f "$app_svg" "${out_dir}/hicolor/scalable/apps/${app_id}.svg" || die "cannot copy $app_svg"
cp -f "$mime_svg" "${out_dir}/hicolor/scalable/mimetypes/application-x-unknot-homework.svg" \
  || die "cannot copy $mime_svg"
render "$app_svg" 192 "${out_dir}/web/icon-192.png"
render "$app_svg" 512 "${out_dir}/web/icon-512.png"
render "$maskable_svg" 512 "${out_dir}/web/maskable-512.png"
render "$maskable_svg" 180 "${out_dir}/web/apple-touch-icon.png"

echo "make-icons: wrote icons to ${out_dir}"
