#!/usr/bin/env bash
# The Qt Linguist files in translations/, one per program and language:
#
#   machina-console_<lang>.ts   the texts of ui/, connector/ and app/machina-console/
#   machina-mail_<lang>.ts      the texts of app/machina-mail/ and connector/
#
# connector/ is in both: both programs show its sentences (errors, steps).
#
#   scripts/translations.sh update   brings the .ts files up to date with the
#       sources (lupdate, without source locations or obsolete messages), then
#       gives each message of machina-mail_<lang>.ts that has no translation yet
#       the one machina-console_<lang>.ts has for the same context, source text
#       and comment, so a connector sentence is translated once.
#   scripts/translations.sh check    runs lupdate into temporary copies and fails
#       (exit 1) when a source text is missing from the committed .ts files, when
#       update would copy a translation, or when more than 5 % of a file's
#       messages are unfinished. Prints total, unfinished and percent per file.
#
# Needs lupdate (Debian: qt6-l10n-tools; LUPDATE names another) and python3.
# The .qm files are built by CMake (machina_add_translations), not here.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
LANGUAGES=(de it)
PROGRAMS=(machina-console machina-mail)
MAX_UNFINISHED_PERCENT=5

usage() {
    echo "usage: $0 update|check" >&2
    exit 2
}

sources_of() {
    case $1 in
    machina-console) echo "ui connector app/machina-console" ;;
    machina-mail) echo "app/machina-mail connector" ;;
    esac
}

# lupdate PROGRAM DIR: updates (or creates) DIR/PROGRAM_<lang>.ts for every language.
run_lupdate() {
    local program=$1 dir=$2 ts=() lang
    for lang in "${LANGUAGES[@]}"; do
        ts+=("$dir/${program}_$lang.ts")
    done
    # shellcheck disable=SC2046 # the source directories are words
    (cd "$ROOT" && "$LUPDATE" -silent -locations none -no-obsolete -source-language en \
        $(sources_of "$program") -ts "${ts[@]}")
}

# The .ts work done in Python (ElementTree): "copy CONSOLE_TS MAIL_TS" fills MAIL_TS's
# empty translations from CONSOLE_TS; "count CONSOLE_TS MAIL_TS" prints how many it
# would fill; "compare COMMITTED UPDATED" prints the report of one file and
# exits 1 on a source text missing from COMMITTED or too many unfinished ones.
ts_tool() {
    python3 - "$MAX_UNFINISHED_PERCENT" "$@" <<'PYTHON'
import sys
import xml.etree.ElementTree as ET

max_percent = float(sys.argv[1])
action, first, second = sys.argv[2:5]


def messages(tree):
    """(context, source, comment) -> <message> of the live messages of a .ts tree."""
    found = {}
    for context in tree.getroot().iter('context'):
        name = context.findtext('name', '')
        for message in context.iter('message'):
            translation = message.find('translation')
            kind = translation.get('type', '') if translation is not None else ''
            if kind in ('obsolete', 'vanished'):
                continue
            key = (name, message.findtext('source', ''), message.findtext('comment', ''))
            found[key] = message
    return found


def translated(message):
    translation = message.find('translation')
    if translation is None:
        return False
    forms = translation.findall('numerusform')
    if forms:
        return all((form.text or '').strip() for form in forms)
    return bool((translation.text or '').strip())


def unfinished(message):
    translation = message.find('translation')
    return translation is None or translation.get('type') == 'unfinished' or not translated(message)


def fillable(console, mail):
    """The mail messages with no translation whose twin in the console file has one."""
    known = messages(console)
    return [(message, known[key]) for key, message in messages(mail).items()
            if not translated(message) and key in known and translated(known[key])]


if action in ('copy', 'count'):
    console, mail = ET.parse(first), ET.parse(second)
    pairs = fillable(console, mail)
    if action == 'count':
        print(len(pairs))
        sys.exit(0)
    for message, twin in pairs:
        message.remove(message.find('translation'))
        message.append(ET.fromstring(ET.tostring(twin.find('translation'))))
    if pairs:
        mail.write(second, encoding='utf-8', xml_declaration=True)
    print('%s: %d translations copied from %s' % (second.rsplit('/', 1)[-1], len(pairs), first.rsplit('/', 1)[-1]))
    sys.exit(0)

if action == 'compare':
    name = first.rsplit('/', 1)[-1]
    committed, updated = messages(ET.parse(first)), messages(ET.parse(second))
    missing = [key for key in updated if key not in committed]
    stale = [key for key in committed if key not in updated]
    total = len(committed)
    open_count = sum(1 for message in committed.values() if unfinished(message))
    percent = 100.0 * open_count / total if total else 0.0
    print('%s: %d messages, %d unfinished (%.1f %%)' % (name, total, open_count, percent))
    failed = False
    if missing:
        failed = True
        print('  FAIL: %d source texts are not in %s (run scripts/translations.sh update), e.g.:' % (len(missing), name))
        for context, source, comment in missing[:5]:
            print('    %s: "%s"%s' % (context, source, ' (%s)' % comment if comment else ''))
    if stale:
        print('  note: %d messages of %s are no longer in the sources' % (len(stale), name))
    if percent > max_percent:
        failed = True
        print('  FAIL: more than %g %% of the messages are unfinished, e.g.:' % max_percent)
        examples = [key for key, message in committed.items() if unfinished(message)]
        for context, source, comment in examples[:5]:
            print('    %s: "%s"%s' % (context, source, ' (%s)' % comment if comment else ''))
    sys.exit(1 if failed else 0)

sys.exit('ts_tool: unknown action ' + action)
PYTHON
}

update() {
    local program lang
    mkdir -p "$ROOT/translations"
    for program in "${PROGRAMS[@]}"; do
        run_lupdate "$program" "$ROOT/translations"
    done
    for lang in "${LANGUAGES[@]}"; do
        local mail="$ROOT/translations/machina-mail_$lang.ts"
        ts_tool copy "$ROOT/translations/machina-console_$lang.ts" "$mail"
        # Back into lupdate's own layout after Python wrote it.
        "$(dirname "$LUPDATE")/lconvert" -locations none -no-obsolete -i "$mail" -o "$mail.tmp"
        mv "$mail.tmp" "$mail"
    done
    for program in "${PROGRAMS[@]}"; do
        for lang in "${LANGUAGES[@]}"; do
            ts_tool compare "$ROOT/translations/${program}_$lang.ts" "$ROOT/translations/${program}_$lang.ts" || true
        done
    done
}

check() {
    local program lang failures=0
    work=$(mktemp -d)   # global: the EXIT trap runs after check returns
    trap 'rm -rf "$work"' EXIT
    for program in "${PROGRAMS[@]}"; do
        for lang in "${LANGUAGES[@]}"; do
            local ts="$ROOT/translations/${program}_$lang.ts"
            if [ ! -f "$ts" ]; then
                echo "translations: FAIL: ${ts#"$ROOT"/} is missing (run scripts/translations.sh update)"
                failures=$((failures + 1))
                continue
            fi
            cp "$ts" "$work/"
        done
        run_lupdate "$program" "$work"
    done
    for program in "${PROGRAMS[@]}"; do
        for lang in "${LANGUAGES[@]}"; do
            local ts="$ROOT/translations/${program}_$lang.ts"
            [ -f "$ts" ] || continue
            ts_tool compare "$ts" "$work/${program}_$lang.ts" || failures=$((failures + 1))
        done
    done
    for lang in "${LANGUAGES[@]}"; do
        local console="$ROOT/translations/machina-console_$lang.ts" mail="$ROOT/translations/machina-mail_$lang.ts" count
        [ -f "$console" ] && [ -f "$mail" ] || continue
        count=$(ts_tool count "$console" "$mail")
        if [ "$count" -gt 0 ]; then
            echo "translations: FAIL: $count translations of machina-console_$lang.ts are missing from machina-mail_$lang.ts (run scripts/translations.sh update)"
            failures=$((failures + 1))
        fi
    done
    if [ "$failures" -gt 0 ]; then
        echo "translations: $failures problems"
        return 1
    fi
    echo "translations: up to date"
}

command -v "$LUPDATE" >/dev/null || { echo "translations: $LUPDATE not found (Debian: qt6-l10n-tools)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "translations: python3 not found" >&2; exit 1; }
[ $# -eq 1 ] || usage
case $1 in
update) update ;;
check) check ;;
*) usage ;;
esac
