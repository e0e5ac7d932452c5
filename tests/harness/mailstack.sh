#!/usr/bin/env bash
# mailstack.sh: a private, throwaway mail stack on loopback for tests and demos.
#
#   mailstack.sh start  DIR [--users "supervisor technician alarm"] [--oauth2-introspection URL]
#   mailstack.sh stop   DIR
#   mailstack.sh status DIR
#   mailstack.sh restart-dovecot DIR   (same ports; drops every IMAP session)
#   mailstack.sh stop-dovecot DIR | start-dovecot DIR    (an outage of IMAP; start: same ports)
#   mailstack.sh stop-postfix DIR | start-postfix DIR    (an outage of SMTP; start: same ports)
#
# DIR must be an absolute path (created if missing; other files in it are left
# alone). `start` stops a stack already running from DIR, throws away what an
# earlier start made there (ca/ dovecot/ postfix*/ mail/ env, marked by
# DIR/.mailstack; it refuses to touch such names it did not make), then starts
# from scratch, typically in about a second:
#
#   DIR/ca/ca.pem                  throwaway CA (EC P-256) the tests should trust
#   DIR/ca/server.pem, server.key  leaf for CN=localhost, SAN DNS:localhost, IP:127.0.0.1
#   DIR/ca/untrusted-ca.pem        a second, unrelated CA (never trust it)
#   DIR/ca/untrusted-server.pem/.key  leaf for the same names, signed by it
#   DIR/dovecot/dovecot.conf       Dovecot instance: IMAPS, IMAP+STARTTLS, LMTP, SASL
#   DIR/dovecot/dovecot.log        its log
#   DIR/postfix/{main,master}.cf   Postfix instance (`postfix -c DIR/postfix ...`):
#                                  SMTPS, submission, untrusted SMTPS
#   DIR/postfix/maillog            its log
#   DIR/postfix-queue, postfix-data  its queue_directory and data_directory (outside
#                                  DIR/postfix, or `postfix check` complains)
#   DIR/mail/NAME/Maildir          each user's mail (see MAILSTACK_MAIL_ROOT)
#   DIR/env                        shell-sourceable KEY=VALUE lines describing it all
#
# DIR/env holds MAILSTACK_DIR, MAILSTACK_HOST (127.0.0.1), MAILSTACK_SMTPS_PORT,
# MAILSTACK_SUBMISSION_PORT, MAILSTACK_UNTRUSTED_SMTPS_PORT, MAILSTACK_IMAPS_PORT,
# MAILSTACK_IMAP_PORT, MAILSTACK_CA_FILE, MAILSTACK_UNTRUSTED_CA_FILE,
# MAILSTACK_DOMAIN (machina.test), MAILSTACK_USERS, MAILSTACK_MAIL_ROOT and
# MAILSTACK_DOVEADM ("doveadm -c DIR/dovecot/dovecot.conf"), and
# MAILSTACK_OAUTH2_INTROSPECTION when started with that option. No passwords.
#
# --oauth2-introspection URL (http:// or https://, no blanks or quotes) also lets
# users log in with OAuth 2.0 bearer tokens: Dovecot offers XOAUTH2 and
# OAUTHBEARER besides PLAIN and LOGIN, and its oauth2 passdb
# (DIR/dovecot/dovecot-oauth2.conf.ext) POSTs token=... to URL (RFC 7662
# introspection) for each such login, accepting the token when the JSON answer
# has "active": true and "username" equal to the login name. Passwords still
# go to the password file only, tokens to URL only. Postfix authenticates
# through Dovecot, so SMTPS and submission (after STARTTLS) offer both
# mechanisms too. Without the option nothing of this is configured.
#
# TEST-ONLY CREDENTIALS: every user NAME logs in as NAME@machina.test with the
# password NAME-pass (e.g. supervisor@machina.test / supervisor-pass). They are
# public by design; this stack must never hold real mail.
#
# What listens (127.0.0.1 only, ports picked at random among free ones in
# 20000-31999, below Linux's ephemeral range):
#   SMTPS            implicit TLS, AUTH required (PLAIN/LOGIN via Dovecot SASL)
#   submission       STARTTLS required (smtpd_tls_security_level=encrypt), AUTH
#                    offered only after STARTTLS
#   untrusted SMTPS  like SMTPS, but presents the untrusted certificate
#   IMAPS            implicit TLS
#   IMAP             STARTTLS offered. Dovecot counts 127.0.0.1 -> 127.0.0.1 as a
#                    secure connection and accepts LOGIN before STARTTLS here.
# Postfix accepts mail only from authenticated clients and only for the users of
# machina.test (unknown recipients get 550), delivers over LMTP into Dovecot and
# sends nothing anywhere else. For fast tests, Dovecot's auth_failure_delay is 0,
# its per-IP auth penalty is off and mail_fsync is never.
#
# Needs root (Postfix insists on it), postfix, dovecot-core, dovecot-imapd,
# dovecot-lmtpd and openssl. No systemd, no syslog, no /etc/postfix or
# /etc/dovecot configuration is used. It creates the system user `machinamail`
# (owner of the Maildirs) if missing.
#
# If DIR is longer than 64 bytes (unix socket paths are limited to 108) or the
# daemons' users cannot reach it (e.g. under /root, mode 0700), the sockets, the
# Postfix queue, password file and Maildirs go to /tmp/mailstack-HASH instead, with
# symlinks DIR/dovecot/run, DIR/postfix-queue, DIR/postfix-data and DIR/mail to
# them; MAILSTACK_MAIL_ROOT always holds the real place.
#
# `stop` stops Postfix, then Dovecot, waits until all their processes are gone
# (~1.3 s, Dovecot's master takes a second) and is a no-op if nothing runs.
# MAILSTACK_TIMING=1 makes `start` print its phases' timings.
# Exit status: 0 on success; `status` exits 0 when both daemons run, 3 otherwise.
set -euo pipefail
umask 022

readonly DOMAIN=machina.test
readonly MAIL_USER=machinamail
readonly PORT_MIN=20000 PORT_SPAN=12000
readonly START_TIMEOUT=20

PROG=${0##*/}

# MAILSTACK_TIMING=1 prints how long each phase of `start` takes.
phase() {
    [ "${MAILSTACK_TIMING:-0}" = 1 ] || return 0
    now_ms
    echo "$PROG: [$((NOW - T_START)) ms] $*" >&2
}

die() { echo "$PROG: error: $*" >&2; exit 1; }
note() { echo "$PROG: $*"; }

usage() {
    cat >&2 <<EOF
usage: $PROG start DIR [--users "NAME ..."] [--oauth2-introspection URL]
       $PROG stop DIR
       $PROG status DIR
       $PROG restart-dovecot DIR
       $PROG stop-dovecot DIR | start-dovecot DIR
       $PROG stop-postfix DIR | start-postfix DIR
EOF
    exit 2
}

# Milliseconds since the epoch, in NOW (no subshell: forks cost ~10 ms here).
now_ms() { local t=${EPOCHREALTIME/./}; NOW=$((t / 1000)); }

# ---------------------------------------------------------------- processes

# The pid in FILE if that process is alive and its command name is COMM.
live_pid() {
    local file=$1 comm=$2 pid c
    { read -r pid _ <"$file"; } 2>/dev/null || return 1
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    { read -r c <"/proc/$pid/comm"; } 2>/dev/null || return 1
    [ "$c" = "$comm" ] || return 1
    alive "$pid" || return 1
    echo "$pid"
}

# All descendants of PIDS (reads /proc with builtins only: forks are slow here).
descendants() {
    local f line pid ppid rest cur
    local -A parent=()
    for f in /proc/[0-9]*/stat; do
        { read -r line <"$f"; } 2>/dev/null || continue
        pid=${line%% *}
        rest=${line##*) }            # "S PPID ..." after "(comm) "
        rest=${rest#* }
        ppid=${rest%% *}
        parent[$pid]=$ppid
    done
    local -a queue=("$@") out=()
    while [ "${#queue[@]}" -gt 0 ]; do
        cur=${queue[0]}
        queue=("${queue[@]:1}")
        for pid in "${!parent[@]}"; do
            if [ "${parent[$pid]}" = "$cur" ]; then
                out+=("$pid")
                queue+=("$pid")
            fi
        done
    done
    echo "${out[@]}"
}

# Is PID alive (and not a zombie waiting for a busy init to reap it)?
alive() {
    local line rest
    { read -r line <"/proc/$1/stat"; } 2>/dev/null || return 1
    rest=${line##*) }
    [ "${rest%% *}" != Z ]
}

# Wait until none of PIDS is alive, at most MS milliseconds. 0 when all gone.
wait_gone() {
    local ms=$1; shift
    local deadline p any
    now_ms; deadline=$((NOW + ms))
    while :; do
        any=0
        for p in "$@"; do alive "$p" && { any=1; break; }; done
        [ "$any" = 0 ] && return 0
        now_ms; [ "$NOW" -lt "$deadline" ] || return 1
        sleep 0.02
    done
}

# Stop a master process (Postfix's or Dovecot's) and everything it started:
# SIGTERM to the master, wait for it; SIGTERM to children that outlive it (Dovecot's
# auth/anvil/stats linger while clients are connected), then SIGKILL what is left.
stop_tree() {
    local name=$1 pid=$2 kids left k
    kids=$(descendants "$pid")
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone 10000 "$pid"; then
        echo "$PROG: warning: $name master (pid $pid) ignored SIGTERM for 10 s, killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
    # shellcheck disable=SC2086
    wait_gone 1000 $kids && return 0
    left=()
    for k in $kids; do alive "$k" && left+=("$k"); done
    [ "${#left[@]}" -gt 0 ] || return 0
    kill -TERM "${left[@]}" 2>/dev/null || true
    wait_gone 3000 "${left[@]}" && return 0
    echo "$PROG: warning: killing leftover $name processes ${left[*]}" >&2
    kill -KILL "${left[@]}" 2>/dev/null || true
    wait_gone 3000 "${left[@]}" || die "$name processes ${left[*]} survived SIGKILL"
}

# ---------------------------------------------------------------- layout

set_paths() {
    DIR=$1
    [[ $DIR = /* ]] || die "DIR must be an absolute path: $DIR"
    # It ends up in Postfix and Dovecot settings, where blanks and quotes break.
    [[ $DIR =~ ^[A-Za-z0-9._/+@=,:-]+$ ]] \
        || die "DIR may hold only letters, digits and ._/+@=,:- (no blanks): $DIR"
    DIR=$(printf '%s' "$DIR" | sed -e 's://*:/:g' -e 's:/$::')
    [ -n "$DIR" ] || die "refusing to use / as DIR"
    CA_DIR=$DIR/ca
    DOVECOT_DIR=$DIR/dovecot
    DOVECOT_CONF=$DOVECOT_DIR/dovecot.conf
    DOVECOT_LOG=$DOVECOT_DIR/dovecot.log
    POSTFIX_DIR=$DIR/postfix
    POSTFIX_LOG=$POSTFIX_DIR/maillog
    ENV_FILE=$DIR/env
    MARKER=$DIR/.mailstack
    HASH=$(printf '%s' "$DIR" | md5sum | cut -c1-10)
    ALT_DIR=/tmp/mailstack-$HASH
}

# Where Dovecot's base_dir is, read back from the config of an existing stack.
configured_base_dir() {
    [ -r "$DOVECOT_CONF" ] || return 1
    sed -n 's/^base_dir = //p' "$DOVECOT_CONF" | head -n1
}

dovecot_pid() {
    local base
    base=$(configured_base_dir) || return 1
    [ -n "$base" ] || return 1
    live_pid "$base/master.pid" dovecot
}

postfix_pid() {
    local pid cwd
    local queue
    [ -r "$POSTFIX_DIR/main.cf" ] || return 1
    queue=$(sed -n 's/^queue_directory = //p' "$POSTFIX_DIR/main.cf" | head -n1)
    [ -n "$queue" ] || return 1
    pid=$(live_pid "$queue/pid/master.pid" master) || return 1
    cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null) || return 1
    [ "$cwd" = "$queue" ] || return 1   # a master, but not ours
    echo "$pid"
}

# ---------------------------------------------------------------- ports

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Pick N distinct free ports, avoiding the ones in $TAKEN_PORTS.
pick_ports() {
    local n=$1 p tries=0 out=()
    while [ "${#out[@]}" -lt "$n" ]; do
        tries=$((tries + 1))
        [ "$tries" -le 500 ] || die "found no free loopback ports"
        p=$((PORT_MIN + (RANDOM * 32768 + RANDOM) % PORT_SPAN))
        case " $TAKEN_PORTS ${out[*]} " in *" $p "*) continue ;; esac
        port_busy "$p" && continue
        out+=("$p")
    done
    echo "${out[@]}"
}

wait_port() {
    local port=$1 deadline=$2
    until port_busy "$port"; do
        now_ms; [ "$NOW" -lt "$deadline" ] || return 1
        sleep 0.05
    done
}

# ---------------------------------------------------------------- pieces

ensure_mail_user() {
    if ! getent passwd "$MAIL_USER" >/dev/null; then
        # Two stacks starting at once may race here; the loser finds the user.
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin --comment "throwaway test mail (mailstack.sh)" \
            "$MAIL_USER" 2>/dev/null || true
        getent passwd "$MAIL_USER" >/dev/null || die "could not create system user $MAIL_USER"
    fi
    MAIL_UID=$(id -u "$MAIL_USER")
    MAIL_GID=$(id -g "$MAIL_USER")
}

can_reach() {   # USER PATH: may USER traverse to PATH?
    setpriv --reuid="$1" --regid="$(id -g "$1")" --clear-groups -- test -x "$2" 2>/dev/null
}

make_certs() {
    mkdir -p "$CA_DIR"
    chmod 0755 "$CA_DIR"
    local ext=$CA_DIR/server.ext
    cat >"$ext" <<EOF
subjectAltName = DNS:localhost, IP:127.0.0.1
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
EOF
    local prefix cn
    for prefix in "" untrusted-; do
        if [ -z "$prefix" ]; then cn="Machina Test CA (throwaway)"; else cn="Untrusted Test CA (throwaway)"; fi
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
            -keyout "$CA_DIR/${prefix}ca.key" -out "$CA_DIR/${prefix}ca.pem" -days 365 \
            -subj "/O=mailstack $HASH/CN=$cn" \
            -addext "basicConstraints=critical,CA:TRUE" \
            -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
        openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
            -keyout "$CA_DIR/${prefix}server.key" -out "$CA_DIR/${prefix}server.csr" \
            -subj "/CN=localhost" 2>/dev/null
        openssl x509 -req -in "$CA_DIR/${prefix}server.csr" -days 365 \
            -CA "$CA_DIR/${prefix}ca.pem" -CAkey "$CA_DIR/${prefix}ca.key" -set_serial "0x$(openssl rand -hex 8)" \
            -extfile "$ext" -out "$CA_DIR/${prefix}server.pem" 2>/dev/null
        rm -f "$CA_DIR/${prefix}server.csr"
    done
    rm -f "$ext"
    chmod 0600 "$CA_DIR"/*.key
    chmod 0644 "$CA_DIR"/*.pem
}

write_dovecot_conf() {
    cat >"$DOVECOT_CONF" <<EOF
# Throwaway Dovecot instance written by mailstack.sh; regenerated on every start.
instance_name = mailstack-$HASH
base_dir = $RUN_DIR
state_dir = $DOVECOT_DIR/state
log_path = $DOVECOT_LOG
info_log_path =
debug_log_path =
protocols = imap lmtp
listen = 127.0.0.1
shutdown_clients = yes

ssl = yes
ssl_cert = <$CA_DIR/server.pem
ssl_key = <$CA_DIR/server.key
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login$OAUTH2_MECHANISMS
auth_failure_delay = 0
auth_username_format = %Lu

first_valid_uid = $MAIL_UID
last_valid_uid = $MAIL_UID
first_valid_gid = $MAIL_GID
last_valid_gid = $MAIL_GID
mail_uid = $MAIL_UID
mail_gid = $MAIL_GID
mail_location = maildir:~/Maildir
mail_fsync = never
mail_plugins =

passdb {
  driver = passwd-file
$PASSWD_MECHANISMS  args = scheme=SHA512-CRYPT username_format=%Lu $USERS_FILE
}
${OAUTH2_PASSDB}userdb {
  driver = passwd-file
  args = username_format=%Lu $USERS_FILE
}

service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $IMAPS_PORT
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
  inet_listener pop3s {
    port = 0
  }
}
service submission-login {
  inet_listener submission {
    port = 0
  }
}
# No brute-force penalty (2-15 s per failed login from 127.0.0.1): tests fail logins
# on purpose and must not slow down the next ones.
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0600
    user = postfix
    group = postfix
  }
}
service auth {
  unix_listener auth-postfix {
    mode = 0600
    user = postfix
    group = postfix
  }
}
EOF
}

# With --oauth2-introspection: the oauth2 passdb's settings, and the pieces of
# dovecot.conf that write_dovecot_conf puts in (all empty without it).
write_oauth2_conf() {
    OAUTH2_MECHANISMS="" PASSWD_MECHANISMS="" OAUTH2_PASSDB=""
    [ -n "$OAUTH2_URL" ] || return 0
    OAUTH2_MECHANISMS=" xoauth2 oauthbearer"
    # Bearer tokens never go to the password file, passwords never to the introspection URL.
    PASSWD_MECHANISMS="  mechanisms = plain login"$'\n'
    OAUTH2_PASSDB="passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = $OAUTH2_CONF
}
"
    cat >"$OAUTH2_CONF.tmp" <<EOF
# Throwaway Dovecot oauth2 passdb settings written by mailstack.sh; regenerated on every start.
# RFC 7662 token introspection: POST token=... to the URL; the token is good when the
# answer says "active": true and its "username" is the login name (lowercased: %Lu).
introspection_mode = post
introspection_url = $OAUTH2_URL
username_attribute = username
active_attribute = active
active_value = true
EOF
    chmod 0644 "$OAUTH2_CONF.tmp"
    mv "$OAUTH2_CONF.tmp" "$OAUTH2_CONF"
    [ "$OAUTH2_CONF" = "$DOVECOT_DIR/dovecot-oauth2.conf.ext" ] || ln -sfn "$OAUTH2_CONF" "$DOVECOT_DIR/dovecot-oauth2.conf.ext"
}

write_users() {
    local u i=0 passwords=() hashes=()
    # SHA512-CRYPT ($6$...), as `doveadm pw -s SHA512-CRYPT` makes, in one fork.
    for u in $USERS; do passwords+=("$u-pass"); done
    mapfile -t hashes < <(openssl passwd -6 "${passwords[@]}")
    [ "${#hashes[@]}" -eq "${#passwords[@]}" ] || die "openssl passwd failed"
    : >"$USERS_FILE.tmp"
    for u in $USERS; do
        printf '%s@%s:{SHA512-CRYPT}%s:%s:%s::%s/%s::\n' "$u" "$DOMAIN" "${hashes[$i]}" \
            "$MAIL_UID" "$MAIL_GID" "$MAIL_ROOT" "$u" >>"$USERS_FILE.tmp"
        i=$((i + 1))
        install -d -o "$MAIL_UID" -g "$MAIL_GID" -m 0700 "$MAIL_ROOT/$u" "$MAIL_ROOT/$u/Maildir" \
            "$MAIL_ROOT/$u/Maildir/cur" "$MAIL_ROOT/$u/Maildir/new" "$MAIL_ROOT/$u/Maildir/tmp"
    done
    chown root:dovecot "$USERS_FILE.tmp"
    chmod 0640 "$USERS_FILE.tmp"
    mv "$USERS_FILE.tmp" "$USERS_FILE"
}

write_postfix_conf() {
    local vmap=$VMAP u
    : >"$vmap"
    for u in $USERS; do printf '%s@%s\tOK\n' "$u" "$DOMAIN" >>"$vmap"; done

    cat >"$POSTFIX_DIR/main.cf" <<EOF
# Throwaway Postfix instance written by mailstack.sh; regenerated on every start.
compatibility_level = 3.6
queue_directory = $POSTFIX_QUEUE
data_directory = $POSTFIX_DATA
mail_owner = postfix
setgid_group = postdrop
syslog_name = mailstack-$HASH
maillog_file = $POSTFIX_LOG
maillog_file_prefixes = $POSTFIX_DIR
smtpd_tls_loglevel = 0

# Loopback only; no local delivery, no relaying anywhere.
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = localhost
mydomain = localdomain
myorigin = \$myhostname
mydestination =
mynetworks = 127.0.0.1/32
local_recipient_maps =
alias_maps =
alias_database =
local_transport = error:local delivery is disabled
default_transport = error:this test stack delivers only to $DOMAIN
relay_transport = error:this test stack delivers only to $DOMAIN
relayhost =
smtp_dns_support_level = disabled
smtpd_peername_lookup = no
biff = no
append_dot_mydomain = no
readme_directory = no

virtual_mailbox_domains = $DOMAIN
virtual_mailbox_maps = texthash:$vmap
virtual_transport = lmtp:unix:$RUN_DIR/lmtp
lmtp_destination_concurrency_limit = 10

smtpd_banner = \$myhostname ESMTP
smtpd_tls_chain_files = $CA_DIR/server.key, $CA_DIR/server.pem
smtpd_tls_security_level = encrypt
smtpd_tls_auth_only = yes
smtpd_tls_mandatory_protocols = >=TLSv1.2
smtpd_tls_protocols = >=TLSv1.2
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = $RUN_DIR/auth-postfix
broken_sasl_auth_clients = no
smtpd_relay_restrictions = permit_sasl_authenticated, reject
smtpd_recipient_restrictions = permit_sasl_authenticated, reject
smtpd_error_sleep_time = 0
smtpd_soft_error_limit = 100
smtpd_hard_error_limit = 200
smtpd_client_connection_rate_limit = 0
smtpd_client_auth_rate_limit = 0

# Fast retries and quick shutdown for tests.
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 5s
maximal_queue_lifetime = 1h
bounce_queue_lifetime = 1h
in_flow_delay = 0
max_idle = 10s
daemon_timeout = 60s
ipc_timeout = 10s
EOF

    local tls="-o smtpd_tls_wrappermode=yes -o smtpd_tls_security_level=encrypt"
    cat >"$POSTFIX_DIR/master.cf" <<EOF
# Throwaway Postfix instance written by mailstack.sh; regenerated on every start.
# service type  private unpriv  chroot  wakeup  maxproc command + args
127.0.0.1:$SMTPS_PORT inet n - n - - smtpd
  $tls
127.0.0.1:$SUBMISSION_PORT inet n - n - - smtpd
  -o smtpd_tls_security_level=encrypt
127.0.0.1:$UNTRUSTED_PORT inet n - n - - smtpd
  $tls
  -o smtpd_tls_chain_files=$CA_DIR/untrusted-server.key,$CA_DIR/untrusted-server.pem
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
    # Postfix sleeps (300 ms steps, up to 2 s) before reading a config or map
    # file whose mtime is within the last second, fearing a half-written file.
    touch -d "@$(( ${EPOCHREALTIME%.*} - 10 ))" "$POSTFIX_DIR/main.cf" "$POSTFIX_DIR/master.cf" "$vmap"
}

write_env() {
    cat >"$ENV_FILE.tmp" <<EOF
MAILSTACK_DIR=$(printf '%q' "$DIR")
MAILSTACK_HOST=127.0.0.1
MAILSTACK_SMTPS_PORT=$SMTPS_PORT
MAILSTACK_SUBMISSION_PORT=$SUBMISSION_PORT
MAILSTACK_UNTRUSTED_SMTPS_PORT=$UNTRUSTED_PORT
MAILSTACK_IMAPS_PORT=$IMAPS_PORT
MAILSTACK_IMAP_PORT=$IMAP_PORT
MAILSTACK_CA_FILE=$(printf '%q' "$CA_DIR/ca.pem")
MAILSTACK_UNTRUSTED_CA_FILE=$(printf '%q' "$CA_DIR/untrusted-ca.pem")
MAILSTACK_DOMAIN=$DOMAIN
MAILSTACK_USERS="$USERS"
MAILSTACK_MAIL_ROOT=$(printf '%q' "$MAIL_ROOT")
MAILSTACK_DOVEADM="doveadm -c $DOVECOT_CONF"
EOF
    if [ -n "$OAUTH2_URL" ]; then
        printf 'MAILSTACK_OAUTH2_INTROSPECTION=%q\n' "$OAUTH2_URL" >>"$ENV_FILE.tmp"
    fi
    mv "$ENV_FILE.tmp" "$ENV_FILE"
}

show_logs() {
    local f
    for f in "$DOVECOT_LOG" "$POSTFIX_LOG" "$DIR/postfix/start.out" "$DIR/dovecot/start.out"; do
        if [ -s "$f" ]; then
            echo "----- last lines of $f" >&2
            tail -n 25 "$f" >&2
        fi
    done
}

fail_start() {
    echo "$PROG: error: $*" >&2
    show_logs
    do_stop >/dev/null 2>&1 || true
    exit 1
}

# A bind failure is worth retrying with other ports; anything else is not.
bind_failed() { grep -qiE 'address already in use|bind.*failed|cannot bind' "$@" 2>/dev/null; }

start_dovecot() {
    local attempt ports
    for attempt in 1 2 3; do
        ports=$(pick_ports 2) || exit 1
        read -r IMAPS_PORT IMAP_PORT <<<"$ports"
        write_dovecot_conf
        : >"$DOVECOT_LOG"
        if dovecot -c "$DOVECOT_CONF" >"$DOVECOT_DIR/start.out" 2>&1 </dev/null; then
            return 0
        fi
        if bind_failed "$DOVECOT_LOG" "$DOVECOT_DIR/start.out"; then
            note "dovecot could not bind (attempt $attempt), trying other ports"
            continue
        fi
        break
    done
    fail_start "dovecot did not start"
}

# The queue and data directories as `post-install create-missing` makes them
# (owners and modes from /etc/postfix/postfix-files), without its 0.5-2 s of checks.
make_postfix_dirs() {
    local q=$POSTFIX_QUEUE
    install -d -o root -g root -m 0755 "$q" "$q/pid"
    install -d -o postfix -g root -m 0700 "$POSTFIX_DATA" "$q/active" "$q/bounce" "$q/corrupt" \
        "$q/defer" "$q/deferred" "$q/flush" "$q/hold" "$q/incoming" "$q/private" "$q/saved" "$q/trace"
    install -d -o postfix -g postdrop -m 0730 "$q/maildrop"
    install -d -o postfix -g postdrop -m 0710 "$q/public"
}

# `postfix start` runs `postfix check` first (1.5-2.5 s on this machine); the
# directories above pass it (mailstack-selftest.sh checks), so by default start the
# master directly. MAILSTACK_POSTFIX_CHECK=1 goes through `postfix start` instead.
run_postfix_master() {
    if [ "${MAILSTACK_POSTFIX_CHECK:-0}" = 1 ]; then
        postfix -c "$POSTFIX_DIR" start
    else
        local daemon_dir
        daemon_dir=$(postconf -c "$POSTFIX_DIR" -h daemon_directory)
        # -w: wait until the master has bound its sockets, fail if it could not.
        MAIL_CONFIG=$POSTFIX_DIR "$daemon_dir/master" -w
    fi
}

# How many sockets listen on 127.0.0.1:PORT or *:PORT (IPv4)?
listeners_on() {
    local hex want1 want2 count=0 addr st
    printf -v hex '%04X' "$1"
    want1="0100007F:$hex" want2="00000000:$hex"
    while read -r _ addr _ st _; do
        [ "$st" = 0A ] || continue
        if [ "$addr" = "$want1" ] || [ "$addr" = "$want2" ]; then count=$((count + 1)); fi
    done </proc/net/tcp
    echo "$count"
}

start_postfix() {
    local attempt ports p pid shared
    for attempt in 1 2 3 4; do
        ports=$(pick_ports 3) || exit 1
        read -r SMTPS_PORT SUBMISSION_PORT UNTRUSTED_PORT <<<"$ports"
        write_postfix_conf
        phase "postfix: ports picked, config written"
        if run_postfix_master >"$POSTFIX_DIR/start.out" 2>&1 </dev/null; then
            # Postfix binds with SO_REUSEPORT, so a second Postfix (another stack
            # that picked the same port at the same moment) binds too and the
            # kernel then splits connections between them. Whoever sees two
            # listeners moves away.
            shared=""
            for p in "$SMTPS_PORT" "$SUBMISSION_PORT" "$UNTRUSTED_PORT"; do
                [ "$(listeners_on "$p")" -le 1 ] || shared="$shared $p"
            done
            [ -z "$shared" ] && return 0
            note "port(s)$shared also used by another listener (attempt $attempt), trying other ports"
            if pid=$(postfix_pid); then stop_tree postfix "$pid"; fi
            continue
        fi
        # The master's fatal errors at startup reach no log (postlogd is not up
        # yet, there is no syslog): find out whether a port was taken meanwhile.
        shared=""
        for p in "$SMTPS_PORT" "$SUBMISSION_PORT" "$UNTRUSTED_PORT"; do
            if port_busy "$p"; then shared="$shared $p"; fi
        done
        if [ -n "$shared" ] || bind_failed "$POSTFIX_LOG" "$POSTFIX_DIR/start.out"; then
            note "postfix could not bind port(s)$shared (attempt $attempt), trying other ports"
            continue
        fi
        break
    done
    {
        echo "--- postfix -c $POSTFIX_DIR check:"
        postfix -c "$POSTFIX_DIR" check 2>&1 || true
        echo "(the Postfix master logs its own startup errors nowhere; run"
        echo " MAIL_CONFIG=$POSTFIX_DIR strace -f /usr/lib/postfix/sbin/master -d to see them)"
    } >>"$POSTFIX_DIR/start.out"
    fail_start "postfix did not start"
}

# ---------------------------------------------------------------- commands

do_start() {
    local t0 p deadline
    now_ms; t0=$NOW; T_START=$NOW
    [ "$(id -u)" -eq 0 ] || die "must run as root (Postfix refuses to start otherwise)"
    local cmd
    for cmd in postfix postconf dovecot doveadm openssl setpriv useradd md5sum; do
        command -v "$cmd" >/dev/null || die "missing command: $cmd"
    done
    [ -x /usr/lib/dovecot/imap ] || die "missing /usr/lib/dovecot/imap (install dovecot-imapd)"
    [ -x /usr/lib/dovecot/lmtp ] || die "missing /usr/lib/dovecot/lmtp (install dovecot-lmtpd)"
    if ! getent passwd dovecot >/dev/null || ! getent passwd dovenull >/dev/null; then
        die "users dovecot and dovenull are missing (install dovecot-core)"
    fi
    if ! getent passwd postfix >/dev/null || ! getent group postdrop >/dev/null; then
        die "user postfix / group postdrop missing (install postfix)"
    fi
    [[ $USERS =~ ^[a-z0-9._-]+(\ [a-z0-9._-]+)*$ ]] \
        || die "--users wants lowercase names separated by single spaces: '$USERS'"
    # It ends up in a Dovecot setting, where blanks and quotes break.
    if [ -n "$OAUTH2_URL" ]; then
        [[ $OAUTH2_URL =~ ^https?://[^[:space:]\'\"\\]+$ ]] \
            || die "--oauth2-introspection wants an http:// or https:// URL without blanks or quotes: '$OAUTH2_URL'"
    fi

    do_stop >/dev/null
    phase "checked, stopped an old stack"

    # Only ever wipe what an earlier start made.
    local d
    if [ ! -e "$MARKER" ]; then
        for d in ca dovecot postfix postfix-queue postfix-data mail env; do
            [ -e "$DIR/$d" ] || [ -L "$DIR/$d" ] || continue
            die "$DIR/$d exists but $DIR was not made by $PROG; pick an empty or new DIR"
        done
    fi
    mkdir -p "$DIR"
    chmod go+rx "$DIR"
    rm -rf "${DIR:?}/ca" "${DIR:?}/dovecot" "${DIR:?}/postfix" "${DIR:?}/postfix-queue" \
        "${DIR:?}/postfix-data" "${DIR:?}/mail" "${DIR:?}/env" "$ALT_DIR"
    echo "made by $PROG; start wipes ca/ dovecot/ postfix*/ mail/ env here" >"$MARKER"

    ensure_mail_user
    phase "mail user ready"
    make_certs
    phase "certificates made"

    mkdir -p "$DOVECOT_DIR/state" "$POSTFIX_DIR"
    chmod 0755 "$DOVECOT_DIR" "$POSTFIX_DIR"

    # Unix socket paths are limited to 108 bytes (Dovecot's base_dir, and Postfix
    # clients use "$queue_directory/public/postlog" and the like), and the
    # unprivileged daemons (dovecot, postfix, machinamail) must reach the sockets,
    # the password file, the recipient map and the Maildirs.
    local reachable=1 u
    for u in dovecot postfix "$MAIL_USER"; do
        can_reach "$u" "$DOVECOT_DIR" || reachable=0
    done
    local base=$DIR
    if [ "${#DIR}" -gt 64 ] || [ "$reachable" = 0 ]; then
        note "using $ALT_DIR for sockets, queue and Maildirs (DIR is too long or not reachable by the mail daemons)"
        install -d -m 0755 "$ALT_DIR"
        base=$ALT_DIR
    fi
    # The queue is not inside $POSTFIX_DIR: `postfix check` wants the config
    # directory to hold root-owned files only.
    POSTFIX_QUEUE=$base/postfix-queue
    POSTFIX_DATA=$base/postfix-data
    MAIL_ROOT=$base/mail
    if [ "$base" = "$DIR" ]; then
        RUN_DIR=$DOVECOT_DIR/run
        USERS_FILE=$DOVECOT_DIR/users
        OAUTH2_CONF=$DOVECOT_DIR/dovecot-oauth2.conf.ext
        VMAP=$POSTFIX_DIR/virtual_mailboxes
    else
        RUN_DIR=$base/dovecot-run
        USERS_FILE=$base/users
        OAUTH2_CONF=$base/dovecot-oauth2.conf.ext
        VMAP=$base/virtual_mailboxes
        install -d -m 0755 "$RUN_DIR"
        ln -sfn "$RUN_DIR" "$DOVECOT_DIR/run"
        ln -sfn "$MAIL_ROOT" "$DIR/mail"
        ln -sfn "$POSTFIX_QUEUE" "$DIR/postfix-queue"
        ln -sfn "$POSTFIX_DATA" "$DIR/postfix-data"
    fi
    install -d -m 0755 "$MAIL_ROOT"
    make_postfix_dirs
    : >"$POSTFIX_LOG"

    TAKEN_PORTS=""
    write_users
    write_oauth2_conf
    phase "users and Maildirs made"

    start_dovecot
    phase "dovecot started"
    TAKEN_PORTS="$IMAPS_PORT $IMAP_PORT"
    start_postfix
    phase "postfix started"
    write_env

    # Everything must accept connections, and SMTPS must greet over verified TLS.
    now_ms; deadline=$((NOW + START_TIMEOUT * 1000))
    for p in "$IMAPS_PORT" "$IMAP_PORT" "$SMTPS_PORT" "$SUBMISSION_PORT" "$UNTRUSTED_PORT"; do
        wait_port "$p" "$deadline" || fail_start "nothing accepts connections on 127.0.0.1:$p"
    done
    for p in "$RUN_DIR/lmtp" "$RUN_DIR/auth-postfix"; do
        until [ -S "$p" ]; do
            now_ms; [ "$NOW" -lt "$deadline" ] || fail_start "socket $p did not appear"
            sleep 0.05
        done
    done
    phase "ports and sockets up"
    local greeting
    while :; do
        greeting=$(printf 'QUIT\r\n' | timeout 10 openssl s_client -quiet -nocommands \
            -connect "127.0.0.1:$SMTPS_PORT" -CAfile "$CA_DIR/ca.pem" -verify_return_error \
            -verify_ip 127.0.0.1 2>>"$POSTFIX_DIR/start.out" | head -n1 || true)
        [[ $greeting == 220* ]] && break
        now_ms
        [ "$NOW" -lt "$deadline" ] \
            || fail_start "no 220 greeting over TLS on SMTPS port $SMTPS_PORT (got: '${greeting%$'\r'}')"
        sleep 0.2
    done

    now_ms
    note "started in $((NOW - t0)) ms: SMTPS $SMTPS_PORT, submission $SUBMISSION_PORT," \
        "untrusted SMTPS $UNTRUSTED_PORT, IMAPS $IMAPS_PORT, IMAP $IMAP_PORT; env in $ENV_FILE"
}

do_stop() {
    [ -d "$DIR" ] || { note "nothing to stop in $DIR"; return 0; }
    local pid stopped=0
    # Postfix first: its smtpd processes hold connections to Dovecot's auth.
    if pid=$(postfix_pid); then stop_tree postfix "$pid"; stopped=1; fi
    if pid=$(dovecot_pid); then stop_tree dovecot "$pid"; stopped=1; fi
    if [ "$stopped" = 1 ]; then note "stopped the stack in $DIR"; else note "no stack running in $DIR"; fi
}

# Stops Dovecot and starts it again with the same config and ports, as an
# administrator's restart would: clients see their sessions dropped (BYE).
do_restart_dovecot() {
    [ -r "$ENV_FILE" ] || die "no stack described in $DIR"
    local pid deadline
    # shellcheck disable=SC1090
    source "$ENV_FILE"
    if pid=$(dovecot_pid); then stop_tree dovecot "$pid"; fi
    dovecot -c "$DOVECOT_CONF" >"$DOVECOT_DIR/start.out" 2>&1 </dev/null || fail_start "dovecot did not restart"
    now_ms; deadline=$((NOW + 20000))
    wait_port "$MAILSTACK_IMAPS_PORT" "$deadline" || fail_start "dovecot did not listen on $MAILSTACK_IMAPS_PORT again"
    wait_port "$MAILSTACK_IMAP_PORT" "$deadline" || fail_start "dovecot did not listen on $MAILSTACK_IMAP_PORT again"
    note "restarted dovecot in $DIR"
}

# An outage of one server, and its end, with the same config and ports.
do_stop_service() {
    [ -r "$ENV_FILE" ] || die "no stack described in $DIR"
    local pid
    case $1 in
        dovecot) if pid=$(dovecot_pid); then stop_tree dovecot "$pid"; fi ;;
        postfix) if pid=$(postfix_pid); then stop_tree postfix "$pid"; fi ;;
    esac
    note "stopped $1 in $DIR"
}

do_start_service() {
    [ -r "$ENV_FILE" ] || die "no stack described in $DIR"
    local deadline
    # shellcheck disable=SC1090
    source "$ENV_FILE"
    now_ms; deadline=$((NOW + 20000))
    case $1 in
        dovecot)
            if ! dovecot_pid >/dev/null; then
                dovecot -c "$DOVECOT_CONF" >"$DOVECOT_DIR/start.out" 2>&1 </dev/null || fail_start "dovecot did not start again"
            fi
            wait_port "$MAILSTACK_IMAPS_PORT" "$deadline" || fail_start "dovecot did not listen on $MAILSTACK_IMAPS_PORT again"
            ;;
        postfix)
            if ! postfix_pid >/dev/null; then
                run_postfix_master >"$POSTFIX_DIR/start.out" 2>&1 </dev/null || fail_start "postfix did not start again"
            fi
            wait_port "$MAILSTACK_SMTPS_PORT" "$deadline" || fail_start "postfix did not listen on $MAILSTACK_SMTPS_PORT again"
            ;;
    esac
    note "started $1 again in $DIR"
}

do_status() {
    local pid rc=0
    if pid=$(postfix_pid); then echo "postfix: running (pid $pid)"; else echo "postfix: stopped"; rc=3; fi
    if pid=$(dovecot_pid); then echo "dovecot: running (pid $pid)"; else echo "dovecot: stopped"; rc=3; fi
    if [ "$rc" = 0 ] && [ -r "$ENV_FILE" ]; then
        sed 's/^/  /' "$ENV_FILE"
    fi
    return "$rc"
}

# ---------------------------------------------------------------- main

[ $# -ge 2 ] || usage
ACTION=$1
set_paths "$2"
shift 2
USERS="supervisor technician alarm"
OAUTH2_URL=""
while [ $# -gt 0 ]; do
    case $1 in
        --oauth2-introspection) [ $# -ge 2 ] || usage; OAUTH2_URL=$2; shift 2 ;;
        --oauth2-introspection=*) OAUTH2_URL=${1#--oauth2-introspection=}; shift ;;
        --users) [ $# -ge 2 ] || usage; read -ra names <<<"$2"; USERS="${names[*]}"; shift 2 ;;
        --users=*) read -ra names <<<"${1#--users=}"; USERS="${names[*]}"; shift ;;
        *) usage ;;
    esac
done

case $ACTION in
    start) do_start ;;
    stop) [ "$(id -u)" -eq 0 ] || die "must run as root"; do_stop ;;
    status) do_status ;;
    restart-dovecot) [ "$(id -u)" -eq 0 ] || die "must run as root"; do_restart_dovecot ;;
    stop-dovecot|stop-postfix) [ "$(id -u)" -eq 0 ] || die "must run as root"; do_stop_service "${ACTION#stop-}" ;;
    start-dovecot|start-postfix) [ "$(id -u)" -eq 0 ] || die "must run as root"; do_start_service "${ACTION#start-}" ;;
    *) usage ;;
esac
