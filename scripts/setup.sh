#!/usr/bin/env bash
# Installs every build and test dependency of Machina Console from Debian 12's
# packages. Safe to run again: apt-get skips what is already installed.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

packages=(
    # build
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-networkauth-dev qt6-svg-dev
    libqt6sql6-sqlite qt6-l10n-tools qt6-translations-l10n python3
    libgmime-3.0-dev libyaml-cpp-dev qtkeychain-qt6-dev
    # fuzzing and sanitizers with clang
    clang libclang-rt-14-dev
    # real servers for the integration tier, and the throwaway CA; jq for the demo technician
    postfix dovecot-core dovecot-imapd dovecot-lmtpd openssl jq
    # a real Secret Service for keychain tests, a display for screenshots
    dbus dbus-x11 gnome-keyring libsecret-tools xvfb xauth
    # packaging checks
    desktop-file-utils appstream file dpkg-dev groff-base gzip
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing+=("$p")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    echo "setup: all ${#packages[@]} packages already installed"
    exit 0
fi

echo "setup: installing ${missing[*]}"
# Postfix asks how to configure itself; we run our own instances, so none.
echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
