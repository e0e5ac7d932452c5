#!/usr/bin/env bash
# mailstack-selftest.sh DIR: start the throwaway mail stack in DIR (mailstack.sh),
# check that it behaves as the tests expect, stop it. Exit 0 only if every check
# passes. Needs root, like mailstack.sh. Uses openssl s_client as the client (and
# curl too when installed); no python.
#
# Checks: listeners on 127.0.0.1 only; `postfix check` clean; certificates verify
# against MAILSTACK_CA_FILE (and the untrusted port's does not); Dovecot auth via
# doveadm; SMTPS AUTH PLAIN (wrong password -> 535, right one -> 235); relaying
# refused without AUTH; unknown recipient refused; a message from supervisor reaches
# technician's Maildir/new within 10 s and shows in IMAP; the submission port offers
# STARTTLS, no AUTH before TLS, AUTH after it; IMAPS LOGIN (good and bad password),
# IMAP STARTTLS; no bearer-token mechanism (XOAUTH2, OAUTHBEARER) offered without
# --oauth2-introspection (tests/oauth/tst_fakeidentityplatform checks them with it);
# stop leaves no process and no listener behind.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STACK=$HERE/mailstack.sh
PROG=${0##*/}

[ $# -eq 1 ] || { echo "usage: $PROG DIR" >&2; exit 2; }
DIR=$1
[[ $DIR = /* ]] || { echo "$PROG: DIR must be absolute" >&2; exit 2; }

PASSED=0
FAILED=0
FAILURES=()
CLIENT_LOG=$DIR/selftest-client.log

ok() { PASSED=$((PASSED + 1)); echo "  ok   $* [$(( $(ms) - T0 ))]"; }
bad() { FAILED=$((FAILED + 1)); FAILURES+=("$*"); echo "  FAIL $*"; }
check() {   # check DESCRIPTION COMMAND...
    local what=$1; shift
    if "$@"; then ok "$what"; else bad "$what"; fi
}
ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
section() { echo "== $* [$(( $(ms) - T0 )) ms]"; }

# ---------------------------------------------------------------- clients

# One connection at a time: RFD/WFD, through openssl s_client as a coprocess for
# TLS, or a bash /dev/tcp socket for plain text.
conn_open() {   # MODE PORT [CAFILE]   MODE: plain | tls | starttls-smtp | starttls-imap
    local mode=$1 port=$2 ca=${3:-$MAILSTACK_CA_FILE}
    local args=(-quiet -nocommands -connect "127.0.0.1:$port" -CAfile "$ca"
        -verify_return_error -verify_ip 127.0.0.1 -servername localhost)
    case $mode in
        plain)
            exec {SOCK}<>"/dev/tcp/127.0.0.1/$port"
            RFD=$SOCK WFD=$SOCK CONN_KIND=plain
            return 0 ;;
        tls) ;;
        starttls-smtp) args+=(-starttls smtp -name localhost) ;;
        starttls-imap) args+=(-starttls imap) ;;
    esac
    echo "--- openssl s_client ${args[*]}" >>"$CLIENT_LOG"
    # Not a bash coproc: bash closes a coproc's pipe as soon as it exits, losing
    # the server's last reply when the server hangs up (QUIT, LOGOUT).
    local fifo=$DIR/selftest-client.fifo
    rm -f "$fifo"
    mkfifo -m 0600 "$fifo"
    exec {RFD}< <(exec openssl s_client "${args[@]}" <"$fifo" 2>>"$CLIENT_LOG")
    CONN_PID=$!
    exec {WFD}>"$fifo"
    rm -f "$fifo"
    CONN_KIND=tls
}

conn_close() {
    if [ "$CONN_KIND" = plain ]; then
        exec {SOCK}>&-
    else
        exec {WFD}>&- {RFD}<&-
        kill "$CONN_PID" 2>/dev/null || true
        wait "$CONN_PID" 2>/dev/null || true
    fi
}

send() { printf '%s\r\n' "$@" >&"$WFD"; }

# SMTP reply into RCODE and RTEXT (all lines). 1 on timeout or EOF.
smtp_read() {
    local line
    RCODE="" RTEXT=""
    while IFS= read -r -t 10 line <&"$RFD"; do
        line=${line%$'\r'}
        RTEXT+="$line"$'\n'
        if [[ $line =~ ^([0-9]{3})( |$) ]]; then
            RCODE=${BASH_REMATCH[1]}
            return 0
        fi
    done
    return 1
}
smtp() { send "$1"; smtp_read || RCODE=timeout; }

# IMAP: send "TAG COMMAND", read to the tagged reply; its status into ISTATUS.
imap() {
    local tag=$1 line; shift
    send "$tag $*"
    ISTATUS="" RTEXT=""
    while IFS= read -r -t 10 line <&"$RFD"; do
        line=${line%$'\r'}
        RTEXT+="$line"$'\n'
        if [[ $line =~ ^$tag\ (OK|NO|BAD) ]]; then
            ISTATUS=${BASH_REMATCH[1]}
            return 0
        fi
    done
    ISTATUS=timeout
}
imap_greeting() { local line; IFS= read -r -t 10 line <&"$RFD" && [[ $line == "* OK"* ]]; }

plain_token() { printf '\0%s\0%s' "$1" "$2" | base64 -w0; }

# ---------------------------------------------------------------- helpers

descendants() {
    local f line pid rest cur
    local -A parent=()
    for f in /proc/[0-9]*/stat; do
        { read -r line <"$f"; } 2>/dev/null || continue
        pid=${line%% *}; rest=${line##*) }; rest=${rest#* }
        parent[$pid]=${rest%% *}
    done
    local -a queue=("$@") out=()
    while [ "${#queue[@]}" -gt 0 ]; do
        cur=${queue[0]}; queue=("${queue[@]:1}")
        for pid in "${!parent[@]}"; do
            [ "${parent[$pid]}" = "$cur" ] && { out+=("$pid"); queue+=("$pid"); }
        done
    done
    echo "${out[@]}"
}

stack_pids() {
    local p pids=()
    { read -r p _ <"$MAILSTACK_DIR/postfix-queue/pid/master.pid"; } 2>/dev/null && pids+=("$p")
    local base
    base=$(sed -n 's/^base_dir = //p' "$MAILSTACK_DIR/dovecot/dovecot.conf")
    { read -r p _ <"$base/master.pid"; } 2>/dev/null && pids+=("$p")
    [ "${#pids[@]}" -gt 0 ] || return 0
    echo "${pids[@]}" "$(descendants "${pids[@]}")"
}

# Listening TCP sockets of our processes: prints "ADDR:PORT" (hex, as in /proc).
stack_listeners() {
    local pid target dirs=()
    local -A inodes=()
    for pid in "$@"; do dirs+=("/proc/$pid/fd"); done
    while read -r target; do
        [[ $target =~ ^socket:\[([0-9]+)\]$ ]] && inodes[${BASH_REMATCH[1]}]=1
    done < <(find "${dirs[@]}" -maxdepth 1 -lname 'socket:*' -printf '%l\n' 2>/dev/null || true)
    local file addr st inode
    for file in /proc/net/tcp /proc/net/tcp6; do
        [ -r "$file" ] || continue
        # sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
        while read -r _ addr _ st _ _ _ _ _ inode _; do
            [ "$st" = 0A ] || continue
            if [ -n "${inodes[$inode]:-}" ]; then echo "${file##*/} $addr"; fi
        done < <(tail -n +2 "$file")
    done
}

all_ports_closed() {
    local p
    for p in "$MAILSTACK_SMTPS_PORT" "$MAILSTACK_SUBMISSION_PORT" "$MAILSTACK_UNTRUSTED_SMTPS_PORT" \
        "$MAILSTACK_IMAPS_PORT" "$MAILSTACK_IMAP_PORT"; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then return 1; fi
    done
}

tls_verifies() {   # PORT CAFILE: does the handshake verify (localhost, 127.0.0.1)?
    # Without -quiet, s_client hangs up at the end of stdin, after the handshake.
    timeout 10 openssl s_client -connect "127.0.0.1:$1" -CAfile "$2" -verify_return_error \
        -verify_ip 127.0.0.1 -verify_hostname localhost </dev/null >/dev/null 2>>"$CLIENT_LOG"
}
no() { ! "$@"; }                     # check "..." no COMMAND: COMMAND must fail
quiet() { "$@" >/dev/null 2>&1; }    # check "..." quiet COMMAND
lacks() { ! grep -qE "$1" <<<"$2"; } # lacks REGEX TEXT
all_match() { ! grep -vqE "$1" <<<"$2"; }  # all_match REGEX TEXT: every line matches

# ---------------------------------------------------------------- run

cleanup() { "$STACK" stop "$DIR" >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "$PROG: starting the stack in $DIR"
T0=$(ms)
t0=$T0
if ! "$STACK" start "$DIR"; then
    echo "$PROG: FAILED: the stack did not start" >&2
    exit 1
fi
START_MS=$(( $(ms) - t0 ))
: >"$CLIENT_LOG"
# shellcheck disable=SC1091
source "$DIR/env"
read -r -a DOVEADM <<<"$MAILSTACK_DOVEADM"
D=$MAILSTACK_DOMAIN

section "environment"
for v in MAILSTACK_DIR MAILSTACK_HOST MAILSTACK_SMTPS_PORT MAILSTACK_SUBMISSION_PORT \
    MAILSTACK_UNTRUSTED_SMTPS_PORT MAILSTACK_IMAPS_PORT MAILSTACK_IMAP_PORT MAILSTACK_CA_FILE \
    MAILSTACK_UNTRUSTED_CA_FILE MAILSTACK_DOMAIN MAILSTACK_USERS MAILSTACK_MAIL_ROOT MAILSTACK_DOVEADM; do
    check "$v is set" test -n "${!v:-}"
done
check "env file holds no password" no grep -qi pass "$DIR/env"
check "env file names no introspection URL" no grep -q MAILSTACK_OAUTH2_INTROSPECTION "$DIR/env"
check "Maildir of technician exists" test -d "$MAILSTACK_MAIL_ROOT/technician/Maildir/new"

section "processes and listeners"
read -r -a PIDS <<<"$(stack_pids)"
check "postfix and dovecot processes found" test "${#PIDS[@]}" -ge 2
LISTENERS=$(stack_listeners "${PIDS[@]}")
check "no IPv6 listener" lacks '^tcp6' "$LISTENERS"
check "every listener is on 127.0.0.1" all_match '^tcp 0100007F:' "$LISTENERS"
for p in "$MAILSTACK_SMTPS_PORT" "$MAILSTACK_SUBMISSION_PORT" "$MAILSTACK_UNTRUSTED_SMTPS_PORT" \
    "$MAILSTACK_IMAPS_PORT" "$MAILSTACK_IMAP_PORT"; do
    hex=$(printf '%04X' "$p")
    check "port $p listens on 127.0.0.1" grep -q "tcp 0100007F:$hex" <<<"$LISTENERS"
done
check "exactly 5 TCP listeners" test "$(sort -u <<<"$LISTENERS" | grep -c .)" -eq 5
pf_check_out=$(postfix -c "$MAILSTACK_DIR/postfix" check 2>&1) && pf_rc=0 || pf_rc=$?
check "postfix check passes" test "$pf_rc" -eq 0
check "postfix check prints nothing" test -z "$pf_check_out"
check "postfix check logged no warning" no grep -q "postfix-script.*warning" "$MAILSTACK_DIR/postfix/maillog"

section "certificates"
check "SMTPS certificate verifies against MAILSTACK_CA_FILE" tls_verifies "$MAILSTACK_SMTPS_PORT" "$MAILSTACK_CA_FILE"
check "IMAPS certificate verifies against MAILSTACK_CA_FILE" tls_verifies "$MAILSTACK_IMAPS_PORT" "$MAILSTACK_CA_FILE"
if tls_verifies "$MAILSTACK_UNTRUSTED_SMTPS_PORT" "$MAILSTACK_CA_FILE"; then
    bad "untrusted SMTPS certificate is refused with MAILSTACK_CA_FILE"
else
    ok "untrusted SMTPS certificate is refused with MAILSTACK_CA_FILE"
fi
check "untrusted SMTPS certificate verifies against its own CA" \
    tls_verifies "$MAILSTACK_UNTRUSTED_SMTPS_PORT" "$MAILSTACK_UNTRUSTED_CA_FILE"

section "dovecot auth"
check "doveadm auth test technician (right password)" \
    quiet "${DOVEADM[@]}" auth test "technician@$D" technician-pass
check "doveadm auth test technician (wrong password) fails" \
    no quiet "${DOVEADM[@]}" auth test "technician@$D" wrong-pass

section "SMTPS (implicit TLS)"
TOKEN="mailstack-selftest-$$-$RANDOM$RANDOM"
conn_open tls "$MAILSTACK_SMTPS_PORT"
smtp_read || RCODE=timeout
check "greeting 220" test "$RCODE" = 220
smtp "EHLO selftest.localhost"
check "EHLO 250 offers AUTH PLAIN" grep -qE '^250.AUTH( .*)? PLAIN' <<<"$RTEXT"
check "EHLO offers no XOAUTH2 or OAUTHBEARER (no --oauth2-introspection)" lacks 'XOAUTH2|OAUTHBEARER' "$RTEXT"
smtp "MAIL FROM:<supervisor@$D>"
smtp "RCPT TO:<technician@$D>"
check "RCPT without AUTH refused (5xx), got $RCODE" test "${RCODE:0:1}" = 5
smtp "RSET"
smtp "AUTH PLAIN $(plain_token "supervisor@$D" wrong-pass)"
check "AUTH PLAIN with a wrong password gives 535, got $RCODE" test "$RCODE" = 535
smtp "AUTH PLAIN $(plain_token "supervisor@$D" supervisor-pass)"
check "AUTH PLAIN as supervisor gives 235, got $RCODE" test "$RCODE" = 235
smtp "MAIL FROM:<supervisor@$D>"
check "MAIL FROM 250, got $RCODE" test "$RCODE" = 250
smtp "RCPT TO:<nobody@$D>"
check "RCPT to an unknown user refused with 550, got $RCODE" test "$RCODE" = 550
smtp "RCPT TO:<technician@$D>"
check "RCPT TO technician 250, got $RCODE" test "$RCODE" = 250
smtp "DATA"
check "DATA 354, got $RCODE" test "$RCODE" = 354
send "From: Supervisor <supervisor@$D>" "To: Technician <technician@$D>" \
    "Subject: selftest $TOKEN" "Message-ID: <$TOKEN@$D>" "Date: $(date -R)" "" \
    "Hello from mailstack-selftest.sh." "." 
smtp_read || RCODE=timeout
check "message accepted (250), got $RCODE" test "$RCODE" = 250
smtp "QUIT"
check "QUIT 221, got $RCODE" test "$RCODE" = 221
conn_close

t1=$(ms)
delivered=""
while [ $(( $(ms) - t1 )) -lt 10000 ]; do
    delivered=$(grep -l "$TOKEN" "$MAILSTACK_MAIL_ROOT/technician/Maildir/new/"* 2>/dev/null | head -n1 || true)
    [ -n "$delivered" ] && break
    sleep 0.05
done
DELIVERY_MS=$(( $(ms) - t1 ))
check "message in technician's Maildir/new (after $DELIVERY_MS ms)" test -n "$delivered"
status=$("${DOVEADM[@]}" mailbox status -u "technician@$D" messages INBOX 2>&1 || true)
check "doveadm sees 1 message in technician's INBOX ($status)" grep -q '^INBOX messages=1$' <<<"$status"

section "submission (STARTTLS)"
conn_open plain "$MAILSTACK_SUBMISSION_PORT"
smtp_read || RCODE=timeout
check "plain greeting 220" test "$RCODE" = 220
smtp "EHLO selftest.localhost"
check "EHLO before TLS offers STARTTLS" grep -q '^250.STARTTLS' <<<"$RTEXT"
check "EHLO before TLS offers no AUTH" lacks '^250.AUTH' "$RTEXT"
smtp "AUTH PLAIN $(plain_token "supervisor@$D" supervisor-pass)"
check "AUTH before TLS refused (5xx), got $RCODE" test "${RCODE:0:1}" = 5
smtp "MAIL FROM:<supervisor@$D>"
check "MAIL before TLS refused with 530, got $RCODE" test "$RCODE" = 530
smtp "QUIT"
conn_close
conn_open starttls-smtp "$MAILSTACK_SUBMISSION_PORT"
smtp "EHLO selftest.localhost"
check "EHLO after STARTTLS offers AUTH PLAIN" grep -qE '^250.AUTH( .*)? PLAIN' <<<"$RTEXT"
smtp "AUTH PLAIN $(plain_token "technician@$D" technician-pass)"
check "AUTH after STARTTLS gives 235, got $RCODE" test "$RCODE" = 235
smtp "QUIT"
conn_close

section "IMAP"
conn_open tls "$MAILSTACK_IMAPS_PORT"
check "IMAPS greeting" imap_greeting
imap a1 "LOGIN technician@$D wrong-pass"
check "IMAPS LOGIN with a wrong password gives NO, got $ISTATUS" test "$ISTATUS" = NO
imap a2 "LOGIN technician@$D technician-pass"
check "IMAPS LOGIN as technician gives OK, got $ISTATUS" test "$ISTATUS" = OK
imap a3 "EXAMINE INBOX"
check "INBOX has 1 message" grep -q '^\* 1 EXISTS' <<<"$RTEXT"
imap a4 "FETCH 1 (BODY.PEEK[HEADER.FIELDS (SUBJECT)])"
check "FETCH shows the test subject" grep -q "$TOKEN" <<<"$RTEXT"
imap a5 LOGOUT
check "LOGOUT OK, got $ISTATUS" test "$ISTATUS" = OK
conn_close
conn_open plain "$MAILSTACK_IMAP_PORT"
check "IMAP greeting" imap_greeting
imap b1 CAPABILITY
check "IMAP offers STARTTLS" grep -q 'STARTTLS' <<<"$RTEXT"
check "IMAP offers no XOAUTH2 or OAUTHBEARER (no --oauth2-introspection)" lacks 'XOAUTH2|OAUTHBEARER' "$RTEXT"
imap b2 LOGOUT
conn_close
conn_open starttls-imap "$MAILSTACK_IMAP_PORT"
imap c1 "LOGIN alarm@$D alarm-pass"
check "IMAP LOGIN after STARTTLS as alarm gives OK, got $ISTATUS" test "$ISTATUS" = OK
imap c2 LOGOUT
conn_close

if command -v curl >/dev/null; then
    section "curl"
    msg=$DIR/selftest-curl.eml
    printf 'From: <alarm@%s>\r\nTo: <supervisor@%s>\r\nSubject: curl %s\r\n\r\nhello\r\n' \
        "$D" "$D" "$TOKEN" >"$msg"
    check "curl smtps:// with --cacert sends as alarm" curl --silent --show-error --max-time 10 \
        --cacert "$MAILSTACK_CA_FILE" --user "alarm@$D:alarm-pass" \
        --mail-from "alarm@$D" --mail-rcpt "supervisor@$D" --upload-file "$msg" \
        "smtps://127.0.0.1:$MAILSTACK_SMTPS_PORT"
    rc=0
    curl --silent --max-time 10 --cacert "$MAILSTACK_CA_FILE" --user "alarm@$D:alarm-pass" \
        --mail-from "alarm@$D" --mail-rcpt "supervisor@$D" --upload-file "$msg" \
        "smtps://127.0.0.1:$MAILSTACK_UNTRUSTED_SMTPS_PORT" 2>/dev/null || rc=$?
    check "curl refuses the untrusted certificate (exit 60), got $rc" test "$rc" = 60
    rc=0
    curl --silent --max-time 10 --cacert "$MAILSTACK_CA_FILE" --user "alarm@$D:nope" \
        --mail-from "alarm@$D" --mail-rcpt "supervisor@$D" --upload-file "$msg" \
        "smtps://127.0.0.1:$MAILSTACK_SMTPS_PORT" 2>/dev/null || rc=$?
    check "curl with a wrong password is denied (exit 67), got $rc" test "$rc" = 67
fi

section "stop"
t2=$(ms)
"$STACK" stop "$DIR" >/dev/null
STOP_MS=$(( $(ms) - t2 ))
left=()
for p in "${PIDS[@]}"; do
    if st=$(cut -d' ' -f3 "/proc/$p/stat" 2>/dev/null) && [ "$st" != Z ]; then left+=("$p"); fi
done
check "no stack process left after stop (${left[*]:-none})" test "${#left[@]}" -eq 0
check "all ports closed after stop" all_ports_closed
rc=0; "$STACK" status "$DIR" >/dev/null || rc=$?
check "status reports stopped (exit 3), got $rc" test "$rc" = 3
check "second stop is a no-op" quiet "$STACK" stop "$DIR"
trap - EXIT

echo "$PROG: start ${START_MS} ms, delivery ${DELIVERY_MS} ms, stop ${STOP_MS} ms;" \
    "$PASSED passed, $FAILED failed"
if [ "$FAILED" -gt 0 ]; then
    printf '  failed: %s\n' "${FAILURES[@]}" >&2
    echo "--- client log: $CLIENT_LOG; logs: $DIR/postfix/maillog $DIR/dovecot/dovecot.log" >&2
    exit 1
fi
