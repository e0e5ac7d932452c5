#!/bin/sh
# with-keyring.sh COMMAND [ARG...]
#
# Runs COMMAND on a private D-Bus session bus with its own unlocked GNOME
# Keyring (Secret Service), and exits with COMMAND's status (gnome-keyring unlocked with a known password).
# HOME, the XDG directories and XDG_RUNTIME_DIR point into a temporary
# directory, so the keyring files and the keyring's control socket never touch
# the real home or a desktop's running keyring; DISPLAY and WAYLAND_DISPLAY are
# unset so no unlock prompt can appear on a real screen. Everything is removed
# afterwards.
set -eu

if [ "$#" -lt 1 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi

if [ "${MACHINA_TEST_KEYRING_INNER:-}" != 1 ]; then
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/machina-keyring.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    trap 'exit 130' INT TERM
    mkdir -m 0700 "$tmp/home" "$tmp/runtime"
    status=0
    # XDG_RUNTIME_DIR is always private, even when set: gnome-keyring-daemon
    # puts its control socket there and would otherwise meet the desktop's.
    env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS -u GNOME_KEYRING_CONTROL \
        HOME="$tmp/home" \
        XDG_DATA_HOME="$tmp/home/.local/share" \
        XDG_CONFIG_HOME="$tmp/home/.config" \
        XDG_CACHE_HOME="$tmp/home/.cache" \
        XDG_RUNTIME_DIR="$tmp/runtime" \
        MACHINA_TEST_KEYRING_INNER=1 \
        dbus-run-session -- sh "$0" "$@" || status=$?
    exit "$status"
fi

# Inside the private bus. --unlock creates the login keyring with this
# password (it becomes the default collection). The daemon forks and may not
# own org.freedesktop.secrets yet when this returns: wait for the name (asking
# for its owner's PID does not activate anything).
printf %s PASS | gnome-keyring-daemon --unlock --components=secrets >/dev/null
pid=
i=0
while [ "$i" -lt 100 ]; do
    pid=$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus / \
          org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null \
          | awk '{print $2}') || true
    case "$pid" in
        ''|*[!0-9]*) pid= ;;
        *) break ;;
    esac
    sleep 0.05
    i=$((i + 1))
done
if [ -z "$pid" ]; then
    echo "with-keyring.sh: gnome-keyring-daemon did not appear on the private bus" >&2
    exit 1
fi

status=0
MACHINA_TEST_KEYRING=1 "$@" || status=$?

# Stop the daemon we started (it would also exit with the bus) and wait, so
# the temporary directory is not removed under it. Its parent is init, which
# may reap it late: a zombie counts as gone.
kill "$pid" 2>/dev/null || true
i=0
while [ "$i" -lt 50 ]; do
    case "$(ps -o stat= -p "$pid" 2>/dev/null)" in
        ''|Z*) break ;;
    esac
    sleep 0.1
    i=$((i + 1))
done
exit "$status"
