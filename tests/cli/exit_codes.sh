#!/bin/sh
# The command line's own mistakes exit 1 with CLI11's message (CLI11 alone would give 101-109);
# --help and --version exit 0. Usage: exit_codes.sh PATH_TO_UNKNOT
unknot="$1"
failed=0

expect() {
  want="$1"
  shift
  "$unknot" "$@" >/dev/null 2>"${TMPDIR:-/tmp}/unknot-exit-codes.$$"
  got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: unknot $* exited $got, expected $want" >&2
    failed=1
  elif [ "$want" -ne 0 ] && [ ! -s "${TMPDIR:-/tmp}/unknot-exit-codes.$$" ]; then
    echo "FAIL: unknot $* exited $got without a message" >&2
    failed=1
  fi
  rm -f "${TMPDIR:-/tmp}/unknot-exit-codes.$$"
}

expect 1 --scale 9
expect 1 --scale abc
expect 1 --theme purple
expect 1 --no-such-option
expect 1 check
expect 1 render-audio --pattern resonance_6 --out /dev/null --rate abc
expect 1 render-audio --pattern resonance_6 --out /dev/null --ambient loud
expect 1 render-audio --pattern resonance_6 --out /dev/null --format mp3
expect 0 --help
expect 0 --version
expect 0 check --help
exit $failed
