#!/usr/bin/env bash
# The README's demo command: installs what is missing, builds, starts the
# bundled demo mail stack (real Postfix + Dovecot on 127.0.0.1, throwaway CA)
# and shows the connector at work on a maintenance scenario.
#
#   scripts/demo.sh             set up, start the stack, run the scenario, start the
#                               demo technician (answers work orders), open the console
#   scripts/demo.sh screenshot  the scenario, then docs/console.png of the console under
#                               Xvfb (no demo technician left running)
#   scripts/demo.sh stop        stop the demo technician and the demo stack
#
# Demo accounts (test-only): supervisor, technician, alarm @machina.test,
# password NAME-pass.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
demo_dir="$root/build/demo"
stack_dir="$demo_dir/mailstack"

technician_pid="$demo_dir/technician.pid"
technician_log="$demo_dir/technician.log"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Stops the demo technician (`machina-mail listen` started by an earlier run), if
# it still runs: SIGTERM lets it log out cleanly, SIGKILL after 5 s.
stop_technician() {
    local pid comm
    { read -r pid <"$technician_pid"; } 2>/dev/null || return 0
    rm -f "$technician_pid"
    [[ $pid =~ ^[0-9]+$ ]] || return 0
    { read -r comm <"/proc/$pid/comm"; } 2>/dev/null || return 0
    [ "$comm" = machina-mail ] || return 0   # gone, and the pid reused since
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || { echo "demo: stopped the demo technician (pid $pid)"; return 0; }
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    echo "demo: killed the demo technician (pid $pid)"
}

if [ "${1:-}" = "stop" ]; then
    stop_technician
    as_root bash tests/harness/mailstack.sh stop "$stack_dir"
    exit 0
fi
stop_technician

bash scripts/setup.sh
cmake --preset debug >/dev/null
cmake --build --preset debug --target machina-mail machina-console
mail="$root/build/debug/app/machina-mail/machina-mail"
console="$root/build/debug/app/machina-console/machina-console"

mkdir -p "$demo_dir"
as_root bash tests/harness/mailstack.sh start "$stack_dir"
# shellcheck disable=SC1091
source "$stack_dir/env"

config() { # user port
    cat > "$demo_dir/$1.yaml" <<YAML
connectors:
  email:
    type: email
    smtp_host: $MAILSTACK_HOST
    smtp_port: $2
    imap_host: $MAILSTACK_HOST
    imap_port: $MAILSTACK_IMAPS_PORT
    username: $1@$MAILSTACK_DOMAIN
    password: \${DEMO_PASSWORD}
    use_tls: true
    ca_file: $MAILSTACK_CA_FILE
YAML
    echo "$demo_dir/$1.yaml"
}
supervisor=$(config supervisor "$MAILSTACK_SMTPS_PORT")
alarm=$(config alarm "$MAILSTACK_SMTPS_PORT")
technician=$(config technician "$MAILSTACK_SMTPS_PORT")

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Health of the supervisor's connector"
DEMO_PASSWORD=supervisor-pass "$mail" --config "$supervisor" check

step "The alarm system reports a vibration alarm on pump P-201"
DEMO_PASSWORD=alarm-pass "$mail" --config "$alarm" send --to "supervisor@$MAILSTACK_DOMAIN" \
    --subject "ALARM P-201 high vibration (11.2 mm/s RMS)" \
    --text "Asset P-201, cooling loop B: drive-end bearing vibration 11.2 mm/s RMS, limit 7.1 mm/s."

step "The supervisor notifies the technician, work order attached"
DEMO_PASSWORD=supervisor-pass "$mail" --config "$supervisor" send --to "technician@$MAILSTACK_DOMAIN" \
    --subject "[WO-2026-42] P-201 high vibration (priority High)" \
    --text-file - --attach "$root/resources/demo/WO-2026-42.pdf" <<'TEXT'
Hello,

Pump P-201 (cooling loop B) reports 11.2 mm/s RMS on the drive-end bearing.
Please inspect and replace the bearing, and check the coupling alignment.
The work order is attached.

Thanks,
The maintenance supervisor
TEXT

step "More of the morning: another alarm, and technicians answering"
DEMO_PASSWORD=alarm-pass "$mail" --config "$alarm" send --to "supervisor@$MAILSTACK_DOMAIN" \
    --subject "ALARM C-104 compressor discharge temperature 118 °C" \
    --text "Compressor C-104: discharge temperature 118 °C, trip at 125 °C." >/dev/null
DEMO_PASSWORD=technician-pass "$mail" --config "$technician" send --to "supervisor@$MAILSTACK_DOMAIN" \
    --subject "Re: [WO-2026-42] P-201 high vibration (priority High)" \
    --text "On my way, at the pump in 20 minutes. Jonas" >/dev/null
DEMO_PASSWORD=technician-pass "$mail" --config "$technician" send --to "supervisor@$MAILSTACK_DOMAIN" \
    --subject "WO-2026-39 closed: V-12 valve repacked" \
    --text "Valve V-12 repacked and tested; report attached." --attach "$root/resources/demo/WO-2026-42.pdf" >/dev/null

step "What arrived in the technician's mailbox"
for i in $(seq 1 50); do
    files=$(ls "$MAILSTACK_MAIL_ROOT/technician/Maildir/new" 2>/dev/null | wc -l)
    [ "$files" -gt 0 ] && break
    sleep 0.1
done
latest=$(ls -t "$MAILSTACK_MAIL_ROOT/technician/Maildir/new"/* | head -n 1)
sed -n '/^Date:/,/^$/p' "$latest" | grep -E '^(Date|From|To|Subject|Message-Id|MIME-Version|Content-Type):'
grep -E 'Content-Type: application/pdf' "$latest"

if [ "${1:-}" = "screenshot" ]; then
    step "Screenshot of the console (Xvfb)"
    mkdir -p "$root/docs"
    DEMO_PASSWORD=supervisor-pass MACHINA_CONSOLE_SCREENSHOT="$root/docs/console.png" \
        xvfb-run -a -s "-screen 0 1280x860x24" "$console" --config "$supervisor"
    exit 0
fi

step "The demo technician starts answering work-order notifications"
# `listen --exec` hands each new mail of the technician to scripts/demo-technician.sh
# and sends its output back as the reply; it answers the supervisor only.
printf -v handler 'bash %q' "$root/scripts/demo-technician.sh"
DEMO_PASSWORD=technician-pass DEMO_SUPERVISOR="supervisor@$MAILSTACK_DOMAIN" \
    nohup "$mail" --config "$technician" listen --exec "$handler" >"$technician_log" 2>&1 </dev/null &
echo $! >"$technician_pid"
# It finds the WO-2026-42 notification still unseen and answers it.
for _ in $(seq 1 100); do
    grep -q "from supervisor@$MAILSTACK_DOMAIN: handled" "$technician_log" 2>/dev/null && break
    kill -0 "$(cat "$technician_pid")" 2>/dev/null || break
    sleep 0.1
done
if grep -q "from supervisor@$MAILSTACK_DOMAIN: handled, replied" "$technician_log"; then
    echo "  listening as technician@$MAILSTACK_DOMAIN (pid $(cat "$technician_pid")); it answered WO-2026-42"
else
    echo "  warning: the demo technician has not answered yet; see $technician_log" >&2
    sed 's/^/    /' "$technician_log" >&2
fi

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    step "Opening the console as the supervisor"
    DEMO_PASSWORD=supervisor-pass nohup "$console" --config "$supervisor" >"$demo_dir/console.log" 2>&1 &
else
    step "No display here: to see the console, run on a desktop session"
    echo "  DEMO_PASSWORD=supervisor-pass $console --config $supervisor"
fi

cat <<INFO

The demo mail stack keeps running on $MAILSTACK_HOST:
  SMTPS $MAILSTACK_SMTPS_PORT, submission (STARTTLS) $MAILSTACK_SUBMISSION_PORT, IMAPS $MAILSTACK_IMAPS_PORT
  accounts supervisor, technician, alarm @$MAILSTACK_DOMAIN (password NAME-pass)
The demo technician answers work-order notifications (a WO-... id in the subject or
text) from the supervisor within seconds: "Notify technician" in the console, or
  DEMO_PASSWORD=supervisor-pass $mail --config $supervisor send --to technician@$MAILSTACK_DOMAIN \\
      --subject "[WO-2026-43] C-104 discharge temperature (priority High)" --text "Please check C-104."
  (log: $technician_log)
Try:  DEMO_PASSWORD=supervisor-pass $mail --config $supervisor --verbose check
Stop: scripts/demo.sh stop
INFO
