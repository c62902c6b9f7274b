#!/bin/sh
# The man page (packaging/unknot.1) describes every command and option the program's --help
# lists, and groff reads it without a warning. Usage: man_page.sh PATH_TO_UNKNOT PATH_TO_MAN_PAGE
unknot="$1"
page="$2"
failed=0

# Long options a --help text lists, one per line (without -h,--help).
options_in() {
  sed -n 's/^  \(-[a-zA-Z],\)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p' | grep -v '^--help$'
}
# The man page's text between a heading that starts with $1 and the next heading, with troff's
# escaped minus signs made plain.
section() {
  awk -v head="$1" '
    /^\.S[HS] / { inside = (index($0, head) == 1) ; if (inside) next }
    inside' "$page" | sed 's/\\-/-/g'
}
expect_in() {
  name="$1" text="$2" where="$3"
  if ! printf '%s\n' "$text" | grep -q -- "$name\\b"; then
    echo "FAIL: $page: $where does not describe $name" >&2
    failed=1
  fi
}

help=$("$unknot" --help) || { echo "FAIL: unknot --help" >&2; exit 1; }
commands=$(printf '%s\n' "$help" | sed -n '/^Subcommands:/,$p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || { echo "FAIL: no commands in unknot --help" >&2; exit 1; }

options=$(section '.SH OPTIONS')
for option in $(printf '%s\n' "$help" | options_in); do
  expect_in "$option" "$options" "OPTIONS"
done
count=0
for command in $commands; do
  count=$((count + 1))
  text=$(section ".SS \"unknot $(printf '%s' "$command" | sed 's/-/\\\\-/g')")
  if [ -z "$text" ]; then
    echo "FAIL: $page has no section for the command $command" >&2
    failed=1
    continue
  fi
  for option in $("$unknot" "$command" --help | options_in); do
    expect_in "$option" "$text" "the section on $command"
  done
done

warnings=$(groff -man -ww -z "$page" 2>&1)
if [ -n "$warnings" ]; then
  echo "FAIL: groff warns about $page:" >&2
  printf '%s\n' "$warnings" >&2
  failed=1
fi
[ "$failed" -eq 0 ] && echo "man page: $count commands and their options described"
exit "$failed"
