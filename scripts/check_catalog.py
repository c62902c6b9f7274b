#!/usr/bin/env python3
"""Checks language catalogs against the template of all messages (scripts/messages.sh check).

Fails, naming the catalog, the message and where the code uses it, on a message the catalog
lacks, leaves untranslated or marks fuzzy, and on a translation whose {placeholders} or printf
conversions differ from the English (the text would show a name unfilled, or drop a value).
    check_catalog.py TEMPLATE.pot LANG.po [LANG.po ...]
"""
import re
import sys


def unquote(text):
    body = text.strip()
    if not (body.startswith('"') and body.endswith('"')):
        raise ValueError(f"not a quoted string: {text!r}")
    body = body[1:-1]
    out, i = [], 0
    escapes = {'n': '\n', 't': '\t', '"': '"', '\\': '\\', 'r': '\r'}
    while i < len(body):
        c = body[i]
        if c == '\\' and i + 1 < len(body):
            out.append(escapes.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def entries(path):
    """Yields dicts: ctx, id, plural, strs (list), fuzzy, refs, line."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    entry, field = None, None

    def finish():
        if entry is not None and 'id' in entry and not entry.get('obsolete'):
            yield_list.append(entry)

    yield_list = []
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            finish()
            entry, field = None, None
            continue
        if entry is None:
            entry = {'ctx': '', 'strs': {}, 'fuzzy': False, 'refs': [], 'line': n}
        if line.startswith('#~'):
            entry['obsolete'] = True
            continue
        if line.startswith('#,'):
            entry['fuzzy'] |= 'fuzzy' in line
            continue
        if line.startswith('#:'):
            entry['refs'] += line[2:].split()
            continue
        if line.startswith('#'):
            continue
        m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
        if m:
            key, index, value = m.group(1), m.group(2), unquote(m.group(3))
            if key == 'msgctxt':
                field = ('ctx',)
                entry['ctx'] = value
            elif key == 'msgid':
                field = ('id',)
                entry['id'] = value
            elif key == 'msgid_plural':
                field = ('plural',)
                entry['plural'] = value
            else:
                i = int(index) if index is not None else 0
                field = ('str', i)
                entry['strs'][i] = value
            continue
        if line.startswith('"') and field is not None:
            value = unquote(line)
            if field[0] == 'str':
                entry['strs'][field[1]] += value
            else:
                entry[field[0]] += value
            continue
        raise ValueError(f"{path}:{n}: cannot read this line: {raw!r}")
    finish()
    return yield_list


def marks(text):
    names = sorted(re.findall(r'\{[a-z_]+\}', text))
    conversions = re.findall(r'%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?[a-zA-Z]', text.replace('%%', ''))
    return names, sorted(conversions)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    template = {(e['ctx'], e['id']): e for e in entries(argv[1]) if e['id']}
    problems = 0
    for po in argv[2:]:
        have = {(e['ctx'], e['id']): e for e in entries(po) if e['id']}
        for key, t in template.items():
            where = t['refs'][0] if t['refs'] else 'the content'
            ctx = f" (context \"{key[0]}\")" if key[0] else ''
            label = f"{po}: \"{key[1]}\"{ctx}, used at {where}"
            e = have.get(key)
            if e is None:
                print(f"{label}: missing")
                problems += 1
                continue
            forms = [e['strs'][i] for i in sorted(e['strs'])]
            if not forms or any(not s for s in forms):
                print(f"{po}:{e['line']}: \"{key[1]}\"{ctx}: not translated")
                problems += 1
                continue
            if e['fuzzy']:
                print(f"{po}:{e['line']}: \"{key[1]}\"{ctx}: marked fuzzy (check it, then drop the mark)")
                problems += 1
                continue
            wanted = marks(key[1])
            if 'plural' in t:
                wanted_plural = marks(t['plural'])
                if wanted_plural[0]:
                    wanted = wanted_plural
            for i, s in enumerate(forms):
                got = marks(s)
                if got[0] != wanted[0] and not ('plural' in t and set(got[0]) <= set(wanted[0])):
                    print(f"{po}:{e['line']}: \"{key[1]}\"{ctx}: translation {i} has placeholders "
                          f"{got[0]}, the English {wanted[0]}")
                    problems += 1
                if got[1] != wanted[1]:
                    print(f"{po}:{e['line']}: \"{key[1]}\"{ctx}: translation {i} has conversions "
                          f"{got[1]}, the English {wanted[1]}")
                    problems += 1
        print(f"{po}: {len(template)} messages, {problems} problems" if problems else
              f"{po}: all {len(template)} messages translated")
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
