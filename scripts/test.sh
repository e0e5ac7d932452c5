#!/usr/bin/env bash
# The README's test command: installs what is missing (apt-get), builds under
# AddressSanitizer + UndefinedBehaviorSanitizer, and runs every test tier.
# The integration tier starts its own Postfix and Dovecot on loopback
# (tests/harness/mailstack.sh) through CTest fixtures and stops them after.
#
#   scripts/test.sh                 everything
#   scripts/test.sh -L unit         one ctest tier (any ctest arguments pass through;
#                                   the fuzz tier runs only with no arguments)
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${MACHINA_PRESET:-asan}"
# The tests compare the programs' English texts: no language of the caller's
# reaches them (Qt follows LANGUAGE even under LC_ALL=C). The translations
# test sets LANGUAGE itself.
unset LANGUAGE LC_ALL LC_MESSAGES
export LANG=C.UTF-8
start=$(date +%s)

bash scripts/setup.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
echo "test.sh: built in $(( $(date +%s) - start )) s"
ctest --preset "$preset" "$@"
# Whole runs only: the fuzz tier (every parser under libFuzzer for a short
# while) and the package (a release build made into a .deb, installed with
# apt, its programs run from /usr/bin, removed again).
if [ $# -eq 0 ]; then
    bash scripts/fuzz.sh
    cmake --preset release >/dev/null
    cmake --build --preset release
    bash packaging/check-deb.sh build/release
fi
echo "test.sh: done in $(( $(date +%s) - start )) s"
