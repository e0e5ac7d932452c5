#!/usr/bin/env bash
# Runs the benchmark programs against a private mail stack and prints their
# reports. Nothing here is a pass/fail test: compare the figures with a run of
# the same script on the same machine (medians; see each program's header).
#
#   scripts/bench.sh [MESSAGES=20000] [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
messages=${1:-20000}
runs=${2:-5}
stack_dir="$root/build/bench/mailstack"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

bash scripts/setup.sh
cmake --preset bench >/dev/null
cmake --build --preset bench --target bench_inbox

as_root bash tests/harness/mailstack.sh start "$stack_dir" --users "bench alarm" >/dev/null
trap 'as_root bash tests/harness/mailstack.sh stop "$stack_dir" >/dev/null' EXIT
# Seeding writes into the Maildir, which belongs to the mail user: run as root.
as_root env QT_QPA_PLATFORM=offscreen "$root/build/bench/bench/bench_inbox" "$stack_dir/env" bench "$messages" "$runs"
