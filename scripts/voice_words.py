#!/usr/bin/env python3
"""The words of a language's spoken cues, from its catalog (scripts/make-voice.sh --lang CODE).

Each clip of the English set (the "name|words" entries of scripts/make-voice.sh) says in another
language what the app shows as its caption there: the catalog's translation of the English
caption (a cue's caption, a side word, a muscle's name, a step's title, a round's words). So
the voice and the captions cannot drift apart: a test (tests/audio/voice_bank_test.cpp) checks
the words a shipped set was made from (its WORDS.txt) against the catalog.
    voice_words.py CODE        prints "name|words" lines, in the English set's order
"""
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from check_catalog import entries  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Where the English words of each kind of clip come from in the catalog: the message's context
# (None: no context) and whether the English there is capitalised as a heading.
def english_phrases():
    text = (ROOT / 'scripts' / 'make-voice.sh').read_text(encoding='utf-8')
    return re.findall(r'^\s*"([a-z_]+)\|([^|"]+)(?:\|[^"]*)?"\s*$', text, re.M)


def lower_first(text):
    return text[:1].lower() + text[1:] if text else text


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    code = argv[1]
    catalog = {}
    for e in entries(str(ROOT / 'po' / f'{code}.po')):
        if e['id'] and e['strs'].get(0):
            catalog.setdefault((e['ctx'], e['id']), e['strs'][0])
    by_id = {}
    for (ctx, msgid), text in catalog.items():
        by_id.setdefault(msgid, {})[ctx] = text
    missing = []
    side_after = False
    for name, english in english_phrases():
        found = None
        if name.startswith('muscle_'):
            muscle = name[len('muscle_'):]
            found = catalog.get((f'muscle {muscle}: name', english[:1].upper() + english[1:]))
            if found is None:
                # A step titled other than its muscle (the suboccipitals: "Base of the skull").
                for (ctx, msgid), text in catalog.items():
                    if ctx.endswith(f'step {muscle}: title') and msgid.lower() == english.lower():
                        found = text
                        break
            if found is None:
                # The English clip says a shorter name than the library's ("rectus femoris" for
                # "Rectus femoris and vastus medialis"): the library's name in this language.
                for (ctx, msgid), text in catalog.items():
                    if ctx == f'muscle {muscle}: name':
                        found = text
                        break
            found = lower_first(found) if found else None
        elif name.startswith('step_'):
            # A repeated step's title ends ", second round": its words, as the titles have them
            # (a built-in routine's, or the builder's "{muscle}, third round").
            for (ctx, msgid), text in catalog.items():
                if (msgid.endswith(', ' + english) and ', ' in text and
                        (ctx.endswith(': title') or msgid == '{muscle}, ' + english)):
                    found = text.rsplit(', ', 1)[1]
                    break
        elif name.startswith('side_'):
            # Said before the muscle or after it, in the words the step's heading has around
            # it ("Left {muscle}"; "{muscle}, lado izquierdo").
            heading = catalog.get(('', english + ' {muscle}'), '')
            if heading.startswith('{muscle}'):
                found = heading[len('{muscle}'):].lstrip(', ').strip()
                side_after = True
            else:
                found = catalog.get(('', english))
        else:
            found = catalog.get(('', english))
        if not found:
            missing.append(f'{name} ("{english}")')
            continue
        print(f'{name}|{found}')
    if missing:
        print(f'po/{code}.po has no translation for: ' + ', '.join(missing), file=sys.stderr)
        return 1
    # The order of a step's announcement, as its heading has it (audio/voice_bank.h).
    print('announce|' + ('muscle side' if side_after else 'side muscle'))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
