#!/usr/bin/env python3
"""Prints the gettext template (.pot) of the built-in content's texts: the routines in
ASSETS/routines/*.json, the muscle library ASSETS/muscles.json and the body map's places in
ASSETS/body_map.json. scripts/messages.sh merges it into the template of all messages.
    content_messages.py ASSETS > content.pot

Each text has a context (msgctxt) made from ids, never from positions, by the same rule as
src/core/content_language.cpp (change both together):
    routine <id>: title | summary | caution
    routine <id>, step <muscle id>: title | posture | instruction | referral   (pressure steps)
    routine <id>, breathing step: title | posture | instruction
    muscle <id>: name | where | referral | posture | instruction | near bone | caution
    muscle <id>: hands posture | hands instruction
    body map: place <zone id>
    tool           every tool text (routines, steps, muscles, hands)
    body region    every region (routines' and muscles')
Two texts in one context are told apart by their English (a routine's cautions, a step that
comes twice). Tools and regions stay in English in the loaded content (the safety rules and the
session record read them) and are translated where they are shown, in one shared context each.
Source citations and ids are not messages. Python 3, standard library only.
"""
import json
import os
import sys

# The parsers' limits (src/core/routine_validation.cpp, muscle_library.cpp, body_map.cpp): a
# translation longer than its field's limit would make a routine built from it unreadable.
ROUTINE_FIELDS = [
    ('title', 'the routine\'s title', 80),
    ('summary', 'the routine\'s summary, a sentence or two', 400),
]
STEP_FIELDS = [
    ('title', 'the step\'s title, shown large during the step', 60),
    ('posture', 'the position to take', 120),
    ('instruction', 'what to do, one or two short lines read with closed eyes', 200),
    ('referral', 'where this muscle commonly refers pain', 160),
]
MUSCLE_FIELDS = [
    ('name', 'the muscle\'s name as a clinician writes it', 40),
    ('where', 'how to find the muscle', 300),
    ('referral', 'where its pain commonly refers', 160),
    ('posture', 'the position to take', 120),
    ('instruction', 'what to do, one line read with closed eyes', 90),
    ('near_bone', 'the bone a ball here presses close to; it ends the sentence '
     '"no ball near <this> with osteoporosis", so keep the article', 60),
]
HANDS_FIELDS = [
    ('posture', 'the position to take when the muscle is worked by hand alone', 120),
    ('instruction', 'what to do by hand alone, one line read with closed eyes', 90),
]
CAUTION_LIMIT = 300
TOOL_LIMIT = 80
REGION_LIMIT = 40
PLACE_LIMIT = 40

TOOL_CONTEXT = 'tool'
REGION_CONTEXT = 'body region'
TOOL_NOTE = ('A tool and how it is held. Kept in English in the data (the safety rules read '
             'it) and translated where it is shown')
REGION_NOTE = ('A body region. Kept in English in the session record and translated where it '
               'is shown; use one word or two')


class Template:
    def __init__(self):
        self.entries = {}  # (context, text) -> {'notes': [...], 'refs': [...]}, in first order

    def add(self, context, text, note, ref):
        if not isinstance(text, str) or not text:
            return
        entry = self.entries.setdefault((context, text), {'notes': [], 'refs': []})
        if note not in entry['notes']:
            entry['notes'].append(note)
        if ref not in entry['refs']:
            entry['refs'].append(ref)

    def write(self, out):
        out.write('# The built-in content of Unknot (scripts/content_messages.py).\n')
        out.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                  '"MIME-Version: 1.0\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n')
        for (context, text), entry in self.entries.items():
            out.write('\n')
            for note in entry['notes']:
                out.write(f'#. {note}\n')
            for ref in entry['refs']:
                out.write(f'#: {ref}\n')
            out.write(f'msgctxt {quote(context)}\nmsgid {quote(text)}\nmsgstr ""\n')


def quote(text):
    escaped = (text.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
               .replace('\t', '\\t').replace('\r', '\\r'))
    return f'"{escaped}"'


def limited(what, limit):
    return f'{what[0].upper()}{what[1:]}. At most {limit} characters.'


def read(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def add_routine(template, path):
    routine = read(path)
    rid = routine['id']
    title = routine.get('title', rid)
    owner = f'routine {rid}'
    where = f'Routine "{title}"'
    for key, what, limit in ROUTINE_FIELDS:
        template.add(f'{owner}: {key}', routine.get(key), limited(f'{where}: {what}', limit), path)
    template.add(TOOL_CONTEXT, routine.get('tool'), limited(TOOL_NOTE, TOOL_LIMIT), path)
    for region in routine.get('regions', []):
        template.add(REGION_CONTEXT, region, limited(REGION_NOTE, REGION_LIMIT), path)
    for caution in routine.get('cautions', []):
        template.add(f'{owner}: caution', caution,
                     limited(f'{where}: a caution shown before it starts', CAUTION_LIMIT), path)
    for step in routine.get('steps', []):
        muscle = step.get('muscle', '')
        if step.get('type') == 'pressure' and muscle:
            step_owner = f'{owner}, step {muscle}'
            at = f'{where}, the pressure step on {muscle}'
        else:
            step_owner = f'{owner}, breathing step'
            at = f'{where}, a breathing step'
        for key, what, limit in STEP_FIELDS:
            template.add(f'{step_owner}: {key}', step.get(key), limited(f'{at}: {what}', limit),
                         path)
        template.add(TOOL_CONTEXT, step.get('tool'), limited(TOOL_NOTE, TOOL_LIMIT), path)


def add_muscles(template, path):
    for muscle in read(path).get('muscles', []):
        mid = muscle['id']
        owner = f'muscle {mid}'
        where = f'Muscle {mid} ("{muscle.get("name", mid)}")'
        for key, what, limit in MUSCLE_FIELDS:
            template.add(f'{owner}: {key.replace("_", " ")}', muscle.get(key),
                         limited(f'{where}: {what}', limit), path)
        template.add(REGION_CONTEXT, muscle.get('region'), limited(REGION_NOTE, REGION_LIMIT), path)
        template.add(TOOL_CONTEXT, muscle.get('tool'), limited(TOOL_NOTE, TOOL_LIMIT), path)
        hands = muscle.get('hands') or {}
        for key, what, limit in HANDS_FIELDS:
            template.add(f'{owner}: hands {key}', hands.get(key),
                         limited(f'{where}: {what}', limit), path)
        template.add(TOOL_CONTEXT, hands.get('tool'), limited(TOOL_NOTE, TOOL_LIMIT), path)
        for caution in muscle.get('cautions', []):
            template.add(f'{owner}: caution', caution,
                         limited(f'{where}: a caution', CAUTION_LIMIT), path)


def add_body_map(template, path):
    for zone in read(path).get('zones', []):
        note = (f'A place on the body map ({zone.get("view", "front")} view), shown when it is '
                f'tapped and read aloud')
        if zone['id'].endswith(('_left', '_right')):
            note += ('. Left and right are the person\'s own; make the word agree with the noun '
                     '(sien izquierda, ojo izquierdo)')
        template.add(f'body map: place {zone["id"]}', zone.get('label'),
                     limited(note, PLACE_LIMIT), path)


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    assets = os.path.normpath(argv[1])
    template = Template()
    routines = os.path.join(assets, 'routines')
    for name in sorted(os.listdir(routines)):
        if name.endswith('.json'):
            add_routine(template, os.path.join(routines, name))
    add_muscles(template, os.path.join(assets, 'muscles.json'))
    add_body_map(template, os.path.join(assets, 'body_map.json'))
    template.write(sys.stdout)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
