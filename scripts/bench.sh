#!/usr/bin/env bash
# Runs the benchmark programs against a private mail stack and prints their
# reports. Nothing here is a pass/fail test: compare the figures with a run of
# the same script on the same machine (medians; see each program's header).
#
#   scripts/bench.sh [MESSAGES=20000] [RUNS=5] [WHICH=all|inbox|cache]
#
# bench_inbox: listings without a cache; bench_cache: the offline inbox cache
# (cold vs warm `inbox --limit 0`, the QRESYNC resync with nothing new).
# For 100,000 messages: scripts/bench.sh 100000 3 cache
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
messages=${1:-20000}
runs=${2:-5}
which=${3:-all}
case "$which" in all|inbox|cache) ;; *) echo "bench.sh: WHICH is all, inbox or cache" >&2; exit 2 ;; esac
stack_dir="$root/build/bench/mailstack"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

bash scripts/setup.sh
cmake --preset bench >/dev/null
cmake --build --preset bench --target bench_inbox bench_cache

as_root bash tests/harness/mailstack.sh start "$stack_dir" --users "bench alarm" >/dev/null
trap 'as_root bash tests/harness/mailstack.sh stop "$stack_dir" >/dev/null' EXIT
# Seeding writes into the Maildir, which belongs to the mail user: run as root.
if [ "$which" != cache ]; then
    as_root env QT_QPA_PLATFORM=offscreen "$root/build/bench/bench/bench_inbox" "$stack_dir/env" bench "$messages" "$runs"
fi
if [ "$which" != inbox ]; then
    as_root "$root/build/bench/bench/bench_cache" "$stack_dir/env" bench "$messages" "$runs"
fi
