#!/usr/bin/env bash
# Runs the benchmark programs against a private mail stack and prints their
# reports. Nothing here is a pass/fail test: compare the figures with a run of
# the same script on the same machine (medians; see each program's header).
#
#   scripts/bench.sh [MESSAGES=20000] [RUNS=5] [WHICH=all|inbox|cache|outbox|listen]
#
# bench_inbox: listings without a cache; bench_cache: the offline inbox cache
# (cold vs warm `inbox --limit 0`, the QRESYNC resync with nothing new, the
# console's first paint from the cache and its memory); bench_outbox: a flush
# of 500 queued messages with Sent copies against 500 direct sends;
# bench_listen: a durable listen round of 500 answered messages against the
# reference's loop (bench/reference_listen.py). The last two always use 500
# messages and 3 runs.
# For 100,000 messages: scripts/bench.sh 100000 3 cache
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
messages=${1:-20000}
runs=${2:-5}
which=${3:-all}
case "$which" in all|inbox|cache|outbox|listen) ;;
    *) echo "bench.sh: WHICH is all, inbox, cache, outbox or listen" >&2; exit 2 ;; esac
stack_dir="$root/build/bench/mailstack"
bench="$root/build/bench/bench"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
wants() { [ "$which" = all ] || [ "$which" = "$1" ]; }

bash scripts/setup.sh
cmake --preset bench >/dev/null
cmake --build --preset bench --target bench_inbox bench_cache bench_outbox bench_listen

as_root bash tests/harness/mailstack.sh start "$stack_dir" --users "bench alarm supervisor technician" >/dev/null
trap 'as_root bash tests/harness/mailstack.sh stop "$stack_dir" >/dev/null' EXIT
# Seeding writes into the Maildir, which belongs to the mail user: run as root.
if wants inbox; then
    as_root env QT_QPA_PLATFORM=offscreen "$bench/bench_inbox" "$stack_dir/env" bench "$messages" "$runs"
fi
if wants cache; then
    as_root env QT_QPA_PLATFORM=offscreen "$bench/bench_cache" "$stack_dir/env" bench "$messages" "$runs"
fi
if wants outbox; then
    as_root "$bench/bench_outbox" "$stack_dir/env" supervisor technician 500 3
fi
if wants listen; then
    as_root "$bench/bench_listen" "$stack_dir/env" alarm 500 3
fi
