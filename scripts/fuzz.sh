#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each one for
# FUZZ_SECONDS (default 20). A crash fails the run and leaves its input in
# build/fuzz/crashes/. Part of scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-20}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzzers
mkdir -p build/fuzz/crashes
rm -f build/fuzz/*.verdict
failed=0
# One fuzzer's run; its verdict goes to build/fuzz/<fuzzer>.verdict.
run_fuzzer() {
    local fuzzer=$1 corpus="build/fuzz/corpus/$1"
    mkdir -p "$corpus"
    if build/fuzz/tests/fuzz/$fuzzer -max_total_time="$seconds" -print_final_stats=0 \
           -artifact_prefix=build/fuzz/crashes/"$fuzzer"- "$corpus" >build/fuzz/$fuzzer.log 2>&1; then
        echo ok >build/fuzz/$fuzzer.verdict
    else
        echo failed >build/fuzz/$fuzzer.verdict
    fi
}
# Two at a time (one per core): each still gets its full FUZZ_SECONDS.
fuzzers=(fuzz_smtpreply fuzz_imapparser fuzz_messageparser fuzz_htmlsanitizer)
for ((i = 0; i < ${#fuzzers[@]}; i += 2)); do
    for fuzzer in "${fuzzers[@]:i:2}"; do
        run_fuzzer "$fuzzer" &
    done
    wait
done
for fuzzer in "${fuzzers[@]}"; do
    if [ "$(cat build/fuzz/$fuzzer.verdict 2>/dev/null)" = ok ]; then
        echo "fuzz: $fuzzer: $(grep -o 'Done [0-9]* runs' build/fuzz/$fuzzer.log | tail -n1) in ${seconds} s, no crash"
    else
        echo "fuzz: $fuzzer FAILED; see build/fuzz/$fuzzer.log"
        tail -n 30 build/fuzz/$fuzzer.log
        failed=1
    fi
done
exit $failed
