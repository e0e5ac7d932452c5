#!/usr/bin/env bash
# demo-technician.test.sh DIR: checks scripts/demo-technician.sh, the demo's
# technician (a `machina-mail listen --exec` handler).
#
#   1. The handler alone, JSON piped in (no server): a work order in the subject,
#      one only in the text, none, a follow-up, mail from others (no answer),
#      DEMO_SUPERVISOR, input that is not a message.
#   2. Through real Postfix + Dovecot: a private stack in DIR (mailstack.sh; needs
#      root), a work-order notification from supervisor and an alarm to
#      technician, `machina-mail listen --once --exec` as technician; the
#      supervisor's Maildir gets exactly one reply (subject, In-Reply-To, body),
#      the alarm account none, and a second `listen --once` finds nothing unseen.
#
# MACHINA_MAIL names the machina-mail binary. Exit 0 only if every check passes.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
HANDLER=$ROOT/scripts/demo-technician.sh
STACK=$ROOT/tests/harness/mailstack.sh
PROG=${0##*/}

[ $# -eq 1 ] || { echo "usage: $PROG DIR" >&2; exit 2; }
DIR=$1
[[ $DIR = /* ]] || { echo "$PROG: DIR must be absolute" >&2; exit 2; }
MAIL=${MACHINA_MAIL:-}
[ -x "$MAIL" ] || { echo "$PROG: MACHINA_MAIL must name the machina-mail binary (got '$MAIL')" >&2; exit 2; }
command -v jq >/dev/null || { echo "$PROG: jq is missing (scripts/setup.sh installs it)" >&2; exit 1; }

PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "  ok   $*"; }
bad() { FAILED=$((FAILED + 1)); echo "  FAIL $*"; }
# expect DESCRIPTION EXPECTED ACTUAL
expect() {
    if [ "$2" = "$3" ]; then ok "$1"; else bad "$1"; printf '       expected: %q\n       actual:   %q\n' "$2" "$3"; fi
}

SIGNATURE="-- Jonas (demo technician)"

# ---------------------------------------------------------------- 1. the handler alone

# run_handler JSON [VAR=VALUE ...]: OUT and RC of the handler.
run_handler() {
    local json=$1; shift
    OUT=$(printf '%s' "$json" | env -u DEMO_SUPERVISOR "$@" bash "$HANDLER" 2>/dev/null)
    RC=$?
}
message() { # FROM SUBJECT TEXT
    jq -cn --arg from "$1" --arg subject "$2" --arg text "$3" \
        '{uid: 7, from: $from, from_name: "", to: ["technician@machina.test"], subject: $subject,
          text: $text, message_id: "n1@machina.test", date: "2026-11-24T07:00:00Z",
          channel: "email", attachments: []}'
}

echo "== the handler alone"
run_handler "$(message supervisor@machina.test "[WO-2026-77] P-301 seal leak (priority High)" "Please replace the seal.")"
expect "work order in the subject: exit 0" 0 "$RC"
expect "work order in the subject: acknowledged with asset and ETA" \
    "ACK [WO-2026-77]. On my way to P-301, on site in about 20 minutes."$'\n'"$SIGNATURE" "$OUT"

run_handler "$(message supervisor@machina.test "Seal leak on the feed pump" \
    $'Hello,\n\nWork order: wo-2026-78\nAsset: P-302\nPriority: Emergency\n\nThanks')"
expect "work order only in the text: exit 0" 0 "$RC"
expect "work order only in the text: found there, with the text's asset and priority" \
    "ACK [WO-2026-78]. Dropping everything and on my way to P-302, on site in about 10 minutes."$'\n'"$SIGNATURE" "$OUT"

run_handler "$(message supervisor@machina.test "Coffee machine" "It leaks again (XWO-2026-5, WO-12a and WO-2026-3b are not work-order ids).")"
expect "no work order: exit 0" 0 "$RC"
case $OUT in
    "Received, but I see no work-order number"*"$SIGNATURE") ok "no work order: asks for one" ;;
    *) bad "no work order: asks for one"; printf '       actual: %q\n' "$OUT" ;;
esac

run_handler "$(message supervisor@machina.test "Re: [WO-2026-77] P-301 seal leak (priority High)" "Thanks!")"
expect "follow-up from the supervisor: a short note, no second acknowledgement" \
    "Thanks, noted for [WO-2026-77]. I will report back when the job is done."$'\n'"$SIGNATURE" "$OUT"

run_handler "$(message alarm@machina.test "[WO-2026-77] P-301 seal leak (priority High)" "WO-2026-77")"
expect "another sender: exit 0 (handled)" 0 "$RC"
expect "another sender: no reply" "" "$OUT"

run_handler "$(message technician@machina.test "Re: [WO-2026-77] P-301 seal leak (priority High)" "On my way")"
expect "the technician's own mail: no reply" "" "$OUT"

run_handler "$(message SUPERVISOR@Machina.Test "[WO-2026-79] V-12 (priority Low)" "")"
expect "the supervisor's address in other case: answered" \
    "ACK [WO-2026-79]. I will get to V-12 later today."$'\n'"$SIGNATURE" "$OUT"

run_handler "$(message supervisor@machina.test "[WO-2026-77] P-301 seal leak (priority High)" "")" DEMO_SUPERVISOR=boss@plant.example
expect "DEMO_SUPERVISOR set elsewhere: supervisor@ gets no reply" "" "$OUT"
run_handler "$(message boss@plant.example "[WO-2026-77] P-301 seal leak (priority High)" "")" DEMO_SUPERVISOR=boss@plant.example
expect "DEMO_SUPERVISOR: its address is answered" \
    "ACK [WO-2026-77]. On my way to P-301, on site in about 20 minutes."$'\n'"$SIGNATURE" "$OUT"

run_handler "not json"
if [ "$RC" -ne 0 ] && [ -z "$OUT" ]; then ok "input that is not JSON: non-zero exit (not handled)"; else bad "input that is not JSON: non-zero exit (got $RC, '$OUT')"; fi

# ---------------------------------------------------------------- 2. through the mail stack

echo "== through Postfix and Dovecot"
if [ "$(id -u)" -ne 0 ]; then
    bad "the mail stack needs root (Postfix)"
    echo "$PASSED passed, $FAILED failed"
    exit 1
fi

cleanup() { bash "$STACK" stop "$DIR" >/dev/null 2>&1 || true; }
trap cleanup EXIT
if ! bash "$STACK" start "$DIR" --users "supervisor technician alarm"; then
    bad "mailstack.sh start"
    echo "$PASSED passed, $FAILED failed"
    exit 1
fi
# shellcheck disable=SC1091
source "$DIR/env"

config() { # USER -> path of its config (password from $DEMO_PASSWORD)
    cat >"$DIR/$1.yaml" <<YAML
connectors:
  email:
    type: email
    smtp_host: $MAILSTACK_HOST
    smtp_port: $MAILSTACK_SMTPS_PORT
    imap_host: $MAILSTACK_HOST
    imap_port: $MAILSTACK_IMAPS_PORT
    username: $1@$MAILSTACK_DOMAIN
    password: \${DEMO_PASSWORD}
    use_tls: true
    ca_file: $MAILSTACK_CA_FILE
YAML
    echo "$DIR/$1.yaml"
}
as() { local user=$1; shift; DEMO_PASSWORD=$user-pass "$MAIL" --config "$(config "$user")" "$@"; }
maildir_count() { find "$MAILSTACK_MAIL_ROOT/$1/Maildir/new" "$MAILSTACK_MAIL_ROOT/$1/Maildir/cur" -type f | wc -l; }
# Header NAME of message FILE (the first one, unfolded, without CR).
header() {
    sed -e 's/\r$//' -e '/^$/q' "$2" \
        | awk '/^[ \t]/ { sub(/^[ \t]+/, " "); line = line $0; next } NR > 1 { print line } { line = $0 } END { print line }' \
        | grep -i -m1 "^$1:" | sed 's/^[^:]*:[ \t]*//'
}
body() { sed -e 's/\r$//' "$1" | sed -n '/^$/,$p' | sed 1d; }
# wait_count USER N SECONDS: until USER's Maildir holds at least N messages.
wait_count() {
    local deadline=$((SECONDS + $3))
    while [ "$(maildir_count "$1")" -lt "$2" ]; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.1
    done
}

SUBJECT="[WO-2026-77] P-301 seal leak (priority High)"
as alarm send --to "technician@$MAILSTACK_DOMAIN" --subject "ALARM P-301 seal leak [WO-2026-77]" \
    --text "Asset P-301: mechanical seal leak detected. WO-2026-77 opened." >/dev/null
expect "the alarm reaches Postfix" 0 "$?"
sent_out=$(as supervisor send --to "technician@$MAILSTACK_DOMAIN" --subject "$SUBJECT" --text-file - <<'TEXT'
Hello,

Pump P-301 leaks at the mechanical seal. Please replace the seal.

Thanks,
The maintenance supervisor
TEXT
)
expect "the notification reaches Postfix" 0 "$?"
notification_id=""
[[ $sent_out =~ ^Sent\ \<([^>]+)\> ]] && notification_id=${BASH_REMATCH[1]}
if [ -n "$notification_id" ]; then ok "send printed the notification's Message-Id ($notification_id)"; else bad "send printed no Message-Id: $sent_out"; fi
if wait_count technician 2 15; then ok "both messages are in the technician's Maildir"; else bad "the technician's Maildir holds $(maildir_count technician) messages, not 2"; fi
expect "the supervisor's Maildir is empty before the handler runs" 0 "$(maildir_count supervisor)"

listen_log=$DIR/listen.log
t0=$EPOCHREALTIME
printf -v handler 'bash %q' "$HANDLER"
DEMO_SUPERVISOR="supervisor@$MAILSTACK_DOMAIN" DEMO_PASSWORD=technician-pass timeout 60 \
    "$MAIL" --config "$(config technician)" listen --once --exec "$handler" 2>"$listen_log"
expect "listen --once as technician: exit 0" 0 "$?"
sed 's/^/       | /' "$listen_log"
if grep -qx "machina-mail: 2 received, 2 handled, 0 left unseen" "$listen_log"; then ok "listen handled both"; else bad "listen did not report 2 received, 2 handled, 0 left unseen"; fi
if grep -q "from alarm@$MAILSTACK_DOMAIN: handled, no reply" "$listen_log"; then ok "the alarm: handled, no reply"; else bad "the alarm was not handled without a reply"; fi
if grep -q "from supervisor@$MAILSTACK_DOMAIN: handled, replied" "$listen_log"; then ok "the notification: handled, replied"; else bad "the notification was not answered"; fi

if wait_count supervisor 1 15; then
    t1=$EPOCHREALTIME
    ok "a reply reached the supervisor's Maildir ($(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') s after listen started)"
else
    bad "no reply reached the supervisor's Maildir within 15 s"
fi
# Anything else the handler wrongly sent has had time to arrive by now.
sleep 1
expect "exactly one message in the supervisor's Maildir" 1 "$(maildir_count supervisor)"
expect "no reply in the alarm account's Maildir" 0 "$(maildir_count alarm)"

reply=$(find "$MAILSTACK_MAIL_ROOT/supervisor/Maildir/new" "$MAILSTACK_MAIL_ROOT/supervisor/Maildir/cur" -type f | head -n 1)
if [ -n "$reply" ]; then
    expect "reply subject" "Re: $SUBJECT" "$(header Subject "$reply")"
    expect "reply In-Reply-To is the notification's Message-Id" "<$notification_id>" "$(header In-Reply-To "$reply")"
    case $(header From "$reply") in
        *"technician@$MAILSTACK_DOMAIN"*) ok "reply From is the technician" ;;
        *) bad "reply From is not the technician: $(header From "$reply")" ;;
    esac
    text=$(body "$reply")
    case $text in
        *"ACK [WO-2026-77]. On my way to P-301, on site in about 20 minutes."*) ok "reply body acknowledges WO-2026-77 at P-301" ;;
        *) bad "reply body does not acknowledge WO-2026-77 at P-301"; printf '%s\n' "$text" | sed 's/^/       | /' ;;
    esac
else
    bad "no reply file to check"
fi

# Both messages are \Seen now: a second round answers nothing again.
DEMO_SUPERVISOR="supervisor@$MAILSTACK_DOMAIN" DEMO_PASSWORD=technician-pass timeout 60 \
    "$MAIL" --config "$(config technician)" listen --once --exec "$handler" 2>"$listen_log"
expect "second listen --once: exit 0" 0 "$?"
if grep -qx "machina-mail: 0 received, 0 handled, 0 left unseen" "$listen_log"; then ok "second listen --once: nothing unseen, nothing answered twice"; else bad "second listen --once found mail again"; sed 's/^/       | /' "$listen_log"; fi
sleep 0.5
expect "still exactly one message in the supervisor's Maildir" 1 "$(maildir_count supervisor)"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
