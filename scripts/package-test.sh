#!/usr/bin/env bash
# Proves the Debian package works as installed, the way a person meets it: installs
# build/package/unknot_*.deb on this machine (apt resolves its dependencies), checks that a
# .unknot file is the homework type and opens with Unknot, double-clicks one (xdg-open under
# Xvfb) and sees the app import it, then removes the package and checks nothing of it is left
# except the user's data folder, which removal never touches.
#
# It changes the machine (CI's is fresh). If an unknot package is already installed it stops
# rather than replace it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
# libfile-mimeinfo-perl gives xdg-mime its shared-mime-info lookup outside a desktop session
# (else it falls back to file(1), which calls a .unknot file JSON).
ensure_packages xvfb xauth xdg-utils libfile-mimeinfo-perl desktop-file-utils \
  shared-mime-info hicolor-icon-theme sqlite3 procps x11-utils

fail() { echo "package-test: FAIL: $*" >&2; exit 1; }
pass() { echo "package-test: ok: $*"; }
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)

deb=$(find build/package -maxdepth 1 -name 'unknot_*.deb' -print -quit 2>/dev/null || true)
[ -n "$deb" ] || fail "no package in build/package (run scripts/package.sh first)"
if dpkg-query -W -f='${Status}' unknot 2>/dev/null | grep -q 'install ok installed'; then
  fail "an unknot package is already installed here; remove it first (this test installs and removes its own)"
fi

work=$(mktemp -d)
cleanup() {
  if dpkg-query -W -f='${Status}' unknot 2>/dev/null | grep -q 'install ok installed'; then
    "${as_root[@]}" apt-get remove -y -q unknot >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A person of their own: home, data folder and desktop settings in the work folder.
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" \
  XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION XDG_DATA_DIRS
data="$XDG_DATA_HOME/unknot"

echo "package-test: installing $deb"
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q "./$deb" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; fail "apt-get install $deb"; }
mapfile -t owned < <(dpkg -L unknot)
pass "installed $(dpkg-query -W -f='${Package} ${Version}' unknot), ${#owned[@]} paths"

# The program, its man page and its desktop files, where a desktop looks for them.
[ "$(command -v unknot)" = /usr/bin/unknot ] || fail "unknot is not /usr/bin/unknot"
unknot --version | grep -q '^unknot [0-9]' || fail "unknot --version"
for f in /usr/share/man/man1/unknot.1.gz /usr/share/applications/io.github.unknot.Unknot.desktop \
  /usr/share/metainfo/io.github.unknot.Unknot.metainfo.xml /usr/share/doc/unknot/copyright \
  /usr/share/icons/hicolor/48x48/apps/io.github.unknot.Unknot.png \
  /usr/share/icons/hicolor/scalable/apps/io.github.unknot.Unknot.svg \
  /usr/share/icons/hicolor/48x48/mimetypes/application-x-unknot-homework.png; do
  [ -f "$f" ] || fail "missing $f"
done
desktop-file-validate /usr/share/applications/io.github.unknot.Unknot.desktop \
  || fail "the installed desktop file does not validate"
pass "program, man page, desktop entry, metainfo, icons in place"

# The homework file type and its default application, from the databases the triggers rebuilt.
cp tests/data/homework/neck_home.unknot "$work/neck.unknot"
type=$(xdg-mime query filetype "$work/neck.unknot")
[ "$type" = application/x-unknot-homework ] || fail "xdg-mime query filetype gave '$type'"
default=$(xdg-mime query default application/x-unknot-homework)
[ "$default" = io.github.unknot.Unknot.desktop ] \
  || fail "xdg-mime query default gave '$default'"
pass "a .unknot file is $type and opens with $default"

# A double-click: xdg-open starts the installed app on the file, which imports it. Inside the
# same X display, the window is found and its icon and class read back (what a dock shows).
cat >"$work/double-click.sh" <<'INNER'
set -u
file="$1" db="$2" out="$3"
xdg-open "$file" &
imported=""
for _ in $(seq 1 120); do
  if [ -f "$db" ]; then
    imported=$(sqlite3 -readonly "file:$db?mode=ro" \
      "SELECT 1 FROM homework WHERE id = 'sam-lee-neck-2026-11'" 2>/dev/null || true)
    [ "$imported" = 1 ] && break
  fi
  sleep 0.5
done
echo "imported=$imported" >"$out"
pid=$(pgrep -f "^(/usr/bin/)?unknot $file\$" | head -n 1 || true)
echo "pid=$pid" >>"$out"
window=$(xwininfo -root -tree | sed -n 's/^ *\(0x[0-9a-f]*\) "Unknot".*/\1/p' | sed -n 1p)
if [ -n "$window" ]; then
  xprop -id "$window" WM_CLASS _NET_WM_ICON | grep -E 'WM_CLASS|Icon \(' >>"$out"
fi
[ -n "$pid" ] && kill "$pid"
for _ in $(seq 1 40); do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "still-running" >>"$out"
exit 0
INNER
xvfb-run -a -s "-screen 0 1024x768x24" bash "$work/double-click.sh" "$work/neck.unknot" \
  "$data/unknot.db" "$work/seen.txt" >"$work/app.log" 2>&1
grep -q '^imported=1$' "$work/seen.txt" \
  || { cat "$work/app.log" "$work/seen.txt" >&2; fail "the app did not import the double-clicked file"; }
grep -q '^pid=[0-9]' "$work/seen.txt" || fail "the app that imported the file was not running"
grep -q 'WM_CLASS(STRING) = "unknot", "unknot"' "$work/seen.txt" \
  || { cat "$work/seen.txt" >&2; fail "the window's class is not unknot (the desktop entry's StartupWMClass)"; }
grep -q 'Icon (64 x 64)' "$work/seen.txt" \
  || { cat "$work/seen.txt" >&2; fail "the window has no 64 px icon"; }
! grep -q still-running "$work/seen.txt" || fail "the app did not close on SIGTERM"
pass "xdg-open started Unknot, which imported the homework; its window has the app's icon and class"
[ "$(stat -c %a "$data")" = 700 ] || fail "the data folder is not private (mode $(stat -c %a "$data"))"

# Removal leaves nothing of the package behind, and the person's record as it was.
"${as_root[@]}" apt-get remove -y -q unknot >"$work/remove.log" 2>&1 \
  || { cat "$work/remove.log" >&2; fail "apt-get remove unknot"; }
left=()
for path in "${owned[@]}"; do
  # Folders shared with other packages (/usr/share/icons/hicolor/48x48/apps ...) stay; ours go.
  if [ -d "$path" ]; then
    case "$path" in
      */unknot | */unknot/*) [ -e "$path" ] && left+=("$path") ;;
    esac
  elif [ -e "$path" ] || [ -L "$path" ]; then
    left+=("$path")
  fi
done
[ ${#left[@]} -eq 0 ] || fail "left behind after removal: ${left[*]}"
[ ! -e /usr/share/mime/application/x-unknot-homework.xml ] \
  || fail "the MIME database still has the homework type"
if grep -rqs unknot /usr/share/applications/mimeinfo.cache; then
  fail "the desktop database still names Unknot"
fi
[ "$(xdg-mime query default application/x-unknot-homework)" = "" ] \
  || fail "a default application is still set for homework files"
[ "$(sqlite3 -readonly "file:$data/unknot.db?mode=ro" "SELECT count(*) FROM homework")" = 1 ] \
  || fail "the user's data folder lost its record"
pass "removed: nothing left but the user's data folder ($data)"
