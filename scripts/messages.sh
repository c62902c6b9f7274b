#!/usr/bin/env bash
# The catalogs' messages: every text the code marks with tr, trc, trn or tr_noop
# (src/core/translate.h), and the built-in content's texts (assets, by scripts/content_messages.py).
#   scripts/messages.sh pot OUT.pot     writes the template of all messages
#   scripts/messages.sh update          refreshes po/unknot.pot and merges it into each po/*.po
#   scripts/messages.sh check [POT]     fails, naming each, on a message that a language's
#                                       catalog lacks, leaves untranslated or marks fuzzy, or on a
#                                       translation whose {placeholders} differ from the English
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

code_files() {
  find src platform -name '*.cpp' -o -name '*.h' | LC_ALL=C sort
}

make_pot() {
  local out=$1 tmp
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  code_files >"$tmp/files"
  xgettext --language=C++ --from-code=UTF-8 -k -ktr -ktrc:1c,2 -ktrn:1,2 -ktr_noop \
    --add-comments=TRANSLATORS: --sort-by-file --package-name=Unknot \
    --msgid-bugs-address=https://unknot.invalid/issues -f "$tmp/files" -o "$tmp/code.pot"
  if [[ -x scripts/content_messages.py ]]; then
    python3 scripts/content_messages.py assets >"$tmp/content.pot"
    msgcat --use-first "$tmp/code.pot" "$tmp/content.pot" -o "$out"
  else
    cp "$tmp/code.pot" "$out"
  fi
}

languages() { grep -v '^#' po/LINGUAS | tr ' ' '\n' | grep -v '^$'; }

case "${1:-}" in
  pot)
    make_pot "${2:?where to write the template}"
    ;;
  update)
    make_pot po/unknot.pot
    for lang in $(languages); do
      msgmerge --quiet --update --backup=none --no-fuzzy-matching po/"$lang".po po/unknot.pot
    done
    ;;
  check)
    pot=${2:-}
    if [[ -z "$pot" ]]; then
      pot=$(mktemp)
      trap 'rm -f "$pot"' EXIT
      make_pot "$pot"
    fi
    python3 scripts/check_catalog.py "$pot" $(languages | sed 's|^|po/|; s|$|.po|')
    ;;
  *)
    echo "usage: scripts/messages.sh pot OUT.pot | update | check [POT]" >&2
    exit 2
    ;;
esac
