#!/usr/bin/env bash
# Checks the translations (translations/*.ts, Qt Linguist):
#
#   - `scripts/translations.sh check` passes: every source text is in the .ts
#     files, machina-mail's have the translations machina-console's have, and
#     at most 5 % of each file's messages are unfinished;
#   - `machina-mail --help` in German and in Italian (LANGUAGE=de, LANGUAGE=it,
#     with no other locale variable set) is not the English text: both our
#     description and Qt's own lines (qtbase_<lang>.qm) are translated, so the
#     embedded .qm files are found by installTranslations().
#
# Usage: translations.test.sh SOURCE_DIR MACHINA_MAIL
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 SOURCE_DIR MACHINA_MAIL" >&2; exit 1; }
SOURCE_DIR=$1
MAIL=$2

failures=0
problem() { printf 'translations: FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }
note() { printf 'translations: %s\n' "$*"; }

[ -x "$MAIL" ] || { echo "translations: FAIL: $MAIL is not an executable" >&2; exit 1; }

if "$SOURCE_DIR/scripts/translations.sh" check; then
    note "the .ts files are up to date and translated"
else
    problem "scripts/translations.sh check failed (above)"
fi

# The help with only LANGUAGE (or nothing) choosing the language.
help_in() {
    env -u LC_ALL -u LC_MESSAGES -u LANG -u LANGUAGE -u MACHINA_CONFIG ${1:+LANGUAGE=$1} "$MAIL" --help
}
english=$(help_in "") || problem "machina-mail --help failed"
for lang in de it; do
    translated=$(help_in "$lang") || { problem "LANGUAGE=$lang machina-mail --help failed"; continue; }
    if [ "$translated" = "$english" ]; then
        problem "LANGUAGE=$lang machina-mail --help is the English text"
        continue
    fi
    # Ours (:/i18n/machina-mail_<lang>.qm) and Qt's (qtbase_<lang>.qm, qt6-translations-l10n).
    grep -qxF "Send mail through the Machina connector." <<<"$translated" &&
        problem "LANGUAGE=$lang: machina-mail's own texts are not translated (its description is English)"
    grep -q '^Usage: ' <<<"$translated" &&
        problem "LANGUAGE=$lang: Qt's texts are not translated (is qt6-translations-l10n installed?)"
    note "LANGUAGE=$lang: $(diff <(echo "$english") <(echo "$translated") | grep -c '^>' || true) of $(echo "$english" | wc -l) lines of --help differ from the English"
done

[ "$failures" -eq 0 ] || { echo "translations: $failures failures" >&2; exit 1; }
echo "translations: all passed"
