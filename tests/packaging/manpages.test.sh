#!/usr/bin/env bash
# Checks the man pages in packaging/man against the programs they describe:
#
#   - `groff -man -ww -Tutf8 -z PAGE` prints nothing (no warning, no error);
#   - the sections a page must have are there;
#   - machina-mail.1: the commands under COMMANDS (one .SS each) are exactly
#     those `machina-mail --help` lists; the options defined (.TP entries)
#     under a command's .SS are that command's own options in
#     `machina-mail COMMAND --help`, all of them and no others; the options
#     every command has are the .TP entries under OPTIONS; the exit codes
#     under EXIT STATUS are those --help names;
#   - machina-console.1: the .TP entries under OPTIONS are exactly the options
#     `machina-console --help` lists;
#   - no option mentioned anywhere in a page is unknown to its program;
#   - the version in .TH is the one --version prints.
#
# Usage: manpages.test.sh MAN_DIR MACHINA_MAIL [MACHINA_CONSOLE]
# (without MACHINA_CONSOLE, machina-console.1 is only rendered.)
# GROFF names the groff to use (default: groff from PATH).
set -euo pipefail
export LC_ALL=C

[ $# -ge 2 ] && [ $# -le 3 ] || { echo "usage: $0 MAN_DIR MACHINA_MAIL [MACHINA_CONSOLE]" >&2; exit 2; }
MAN_DIR=$1
MAIL=$2
CONSOLE=${3:-}
GROFF=${GROFF:-groff}

failures=0
problem() { printf 'manpages: FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }
note() { printf 'manpages: %s\n' "$*"; }

command -v "$GROFF" >/dev/null || { echo "manpages: $GROFF not found (Debian: groff-base)" >&2; exit 1; }
work=$(mktemp -d)
trap '[ -n "${KEEP_WORK:-}" ] && echo "kept $work" || rm -rf "$work"' EXIT

# The help must not depend on the caller's environment more than it must.
run_help() { env -u MACHINA_CONFIG QT_QPA_PLATFORM=offscreen "$@"; }

# ---- helpers -----------------------------------------------------------------

# Every option-looking word of stdin (-c, --text-file), one per line, sorted.
# An option starts a word: "P-201" and "work-order" are not options.
option_words() {
    { grep -oE '(^|[^A-Za-z0-9_./-])--?[A-Za-z][A-Za-z0-9-]*' || true; } |
        sed -E 's/^[^-]//; s/-+$//' | sort -u
}

# The options of a Qt help text (stdin): the left column of its "Options:" part.
help_options() {
    awk '/^Options:$/ { on = 1; next } /^[A-Z][A-Za-z ]*:$/ { on = 0 } on && /^  -/' |
        sed -E 's/^ +//; s/  .*//' | option_words
}

# The man source as text, one tab-separated line per source line:
# SECTION, SUBSECTION, "tag" when the line is a .TP tag (the line after .TP)
# else "-", and the line with comments dropped and escapes reduced to text
# (\- to -, fonts and \% \& \| removed, \(xx and \[xx] dropped).
tabulate() {
    sed -e '/^\.\\"/d' -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\f\[[A-Z]*\]//g' \
        -e 's/\\[%&|]//g' -e 's/\\([^ ][^ ]//g' -e 's/\\\[[^]]*\]//g' -e 's/\\e/\\/g' "$1" |
        awk -v OFS='\t' '
            /^\.SH/ { sh = $0; sub(/^\.SH[ \t]*/, "", sh); gsub(/"/, "", sh); ss = "" }
            /^\.SS/ { ss = $0; sub(/^\.SS[ \t]*/, "", ss); gsub(/"/, "", ss) }
            { print sh, ss, (prev ~ /^\.TP/ ? "tag" : "-"), $0; prev = $0 }'
}

# Lines of a tabulated page (file $1) in section $2 [and subsection $3], [.TP tags only: $4 = tag].
lines_of() {
    awk -F '\t' -v sh="$2" -v ss="${3-*}" -v tag="${4-*}" '
        $1 == sh && (ss == "*" || $2 == ss) && (tag == "*" || $3 == tag) {
            line = $0; sub(/^[^\t]*\t[^\t]*\t[^\t]*\t/, "", line); print line }' "$1"
}

# Words of file $1 missing from file $2, space-separated.
missing() { comm -23 "$1" "$2" | tr '\n' ' ' | sed 's/ $//'; }

check_groff() {
    local page=$1 out
    out=$("$GROFF" -man -ww -Tutf8 -z "$page" 2>&1) || problem "$page: groff exited with $?"
    [ -z "$out" ] || problem "$page: groff -man -ww warns:"$'\n'"$out"
}

check_sections() {
    local page=$1 table=$2 s
    shift 2
    for s in "$@"; do
        awk -F '\t' -v s="$s" '$1 == s { found = 1 } END { exit !found }' "$table" ||
            problem "$page: no section $s"
    done
}

check_version() {
    local page=$1 program=$2 version
    version=$(run_help "$program" --version | awk '{ print $NF }')
    [ -n "$version" ] || { problem "$program --version printed nothing"; return; }
    grep -E '^\.TH ' "$page" | grep -qF " $version" ||
        problem "$page: .TH does not name version $version (from $program --version)"
}

COMMON_SECTIONS=(NAME SYNOPSIS DESCRIPTION OPTIONS CONFIGURATION "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO")

# ---- machina-mail.1 ------------------------------------------------------------
page="$MAN_DIR/machina-mail.1"
[ -f "$page" ] || { problem "$page is missing"; exit 1; }
check_groff "$page"
tabulate "$page" >"$work/mail.tab"
check_sections "$page" "$work/mail.tab" "${COMMON_SECTIONS[@]}" COMMANDS "WORK ORDERS"
check_version "$page" "$MAIL"

run_help "$MAIL" --help >"$work/help" || problem "$MAIL --help exited with $?"
help_options <"$work/help" >"$work/global"
[ -s "$work/global" ] || problem "$MAIL --help lists no options (has its format changed?)"
cp "$work/global" "$work/known"

# The options every command takes: the .TP entries under OPTIONS.
lines_of "$work/mail.tab" OPTIONS '*' tag | option_words >"$work/page-global"
m=$(missing "$work/global" "$work/page-global")
[ -z "$m" ] || problem "$page: OPTIONS lacks $m (in machina-mail --help)"
m=$(missing "$work/page-global" "$work/global")
[ -z "$m" ] || problem "$page: OPTIONS has $m, which machina-mail --help does not list"

# Commands: the left column of --help's "Commands:" part ("workorder create" included).
awk '/^Commands:$/ { on = 1; next } on && /^$/ { exit } on' "$work/help" |
    sed -E 's/^ +//; s/  .*//' | sort -u >"$work/commands"
[ -s "$work/commands" ] || problem "$MAIL --help lists no commands (has its format changed?)"
awk -F '\t' '$1 == "COMMANDS" && $2 != "" { print $2 }' "$work/mail.tab" | sort -u >"$work/page-commands"
m=$(comm -23 "$work/commands" "$work/page-commands" | paste -sd, -)
[ -z "$m" ] || problem "$page: COMMANDS has no .SS for: $m (in machina-mail --help)"
m=$(comm -13 "$work/commands" "$work/page-commands" | paste -sd, -)
[ -z "$m" ] || problem "$page: COMMANDS documents $m, which machina-mail --help does not list"

while IFS= read -r label; do
    word=${label%% *}
    if ! run_help "$MAIL" "$word" --help >"$work/help-cmd"; then
        problem "$MAIL $word --help exited with $?"
        continue
    fi
    help_options <"$work/help-cmd" >"$work/cmd"
    comm -23 "$work/cmd" "$work/global" >"$work/own"
    sort -u "$work/known" "$work/cmd" -o "$work/known"
    lines_of "$work/mail.tab" COMMANDS "$label" tag | option_words >"$work/page-cmd"
    m=$(missing "$work/own" "$work/page-cmd")
    [ -z "$m" ] || problem "$page: $label lacks $m (in machina-mail $word --help)"
    m=$(missing "$work/page-cmd" "$work/cmd")
    [ -z "$m" ] || problem "$page: $label documents $m, which machina-mail $word --help does not list"
    note "machina-mail $label: documented, with its $(wc -l <"$work/own") own option(s)"
done <"$work/commands"

# Exit codes: the numbers in --help's "Exit codes:" paragraph and the .TP tags of EXIT STATUS.
sed -n '/^Exit codes:/,/^$/p' "$work/help" | tr '\n' ' ' |
    { grep -oE '(:|;) +[0-9]+ ' || true; } | tr -dc '0-9\n' | sort -u >"$work/codes"
[ -s "$work/codes" ] || problem "$MAIL --help names no exit codes (has its format changed?)"
lines_of "$work/mail.tab" "EXIT STATUS" '*' tag | { grep -oE '^\.[BIR]* *[0-9]+$' || true; } |
    tr -dc '0-9\n' | sort -u >"$work/page-codes"
m=$(missing "$work/codes" "$work/page-codes")
[ -z "$m" ] || problem "$page: EXIT STATUS lacks $m"
m=$(missing "$work/page-codes" "$work/codes")
[ -z "$m" ] || problem "$page: EXIT STATUS has $m, which machina-mail --help does not name"

# Any option mentioned anywhere (prose, SYNOPSIS, EXAMPLES) must exist somewhere.
cut -f4- "$work/mail.tab" | option_words >"$work/page-all"
m=$(missing "$work/page-all" "$work/known")
[ -z "$m" ] || problem "$page: mentions $m, which no machina-mail --help lists"

# ---- machina-console.1 ---------------------------------------------------------
page="$MAN_DIR/machina-console.1"
[ -f "$page" ] || { problem "$page is missing"; exit 1; }
check_groff "$page"
tabulate "$page" >"$work/console.tab"
check_sections "$page" "$work/console.tab" "${COMMON_SECTIONS[@]}"
if [ -n "$CONSOLE" ]; then
    check_version "$page" "$CONSOLE"
    run_help "$CONSOLE" --help >"$work/chelp" || problem "$CONSOLE --help exited with $?"
    { grep -E '^  +-' "$work/chelp" || true; } | sed -E 's/^ +//; s/  .*//' | option_words >"$work/copts"
    [ -s "$work/copts" ] || problem "$CONSOLE --help lists no options (has its format changed?)"
    lines_of "$work/console.tab" OPTIONS '*' tag | option_words >"$work/page-copts"
    m=$(missing "$work/copts" "$work/page-copts")
    [ -z "$m" ] || problem "$page: OPTIONS lacks $m (in machina-console --help)"
    m=$(missing "$work/page-copts" "$work/copts")
    [ -z "$m" ] || problem "$page: OPTIONS has $m, which machina-console --help does not list"
    cut -f4- "$work/console.tab" | option_words >"$work/page-call"
    m=$(missing "$work/page-call" "$work/copts")
    [ -z "$m" ] || problem "$page: mentions $m, which machina-console --help does not list"
    note "machina-console: documented, with its $(wc -l <"$work/copts") option(s)"
else
    note "machina-console not given: its page is only rendered"
fi

if [ "$failures" -ne 0 ]; then
    echo "manpages: $failures problem(s)" >&2
    exit 1
fi
note "OK"
