#!/bin/sh
# Run every test and print one closing line "N passed, N failed".
#
# usage: tests/run.sh BUILD_DIR      (BUILD_DIR holds junheng and tests/ binaries)
#        tests/run.sh --long          the slow soaks of tests/long/*.sh against
#                                     the optimised ./junheng (make test-long)
#
# A test reports each check as a TAP-like line: "ok - what" or "not ok - what".
# Unit tests are cmocka binaries (CMOCKA_MESSAGE_OUTPUT=TAP); end-to-end tests
# are tests/e2e/*.sh using tests/lib.sh.  A test that exits non-zero without
# reporting a failure (a crash, a sanitizer report) counts as one failure.
set -u
long=0
[ "${1:-}" = "--long" ] && { long=1; shift; set -- build/rel; }
build=${1:-build/asan}
top=$(cd "$(dirname "$0")/.." && pwd)
export JUNHENG="$top/$build/junheng"
export JH_TOP="$top"
export CMOCKA_MESSAGE_OUTPUT=TAP
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=99"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=99"
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
passed=0; failed=0

run_one() {  # name command...
    name=$1; shift
    out="$log/$(echo "$name" | tr '/' '_').out"
    "$@" >"$out" 2>&1
    rc=$?
    p=$(grep -c '^ok ' "$out")
    f=$(grep -c '^not ok ' "$out")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "not ok - $name exited $rc" >>"$out"; fi
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$f" -gt 0 ]; then
        echo "FAIL $name ($p passed, $f failed)"
        grep -v '^ok ' "$out" | sed 's/^/    /' | head -60
    else
        echo "ok   $name ($p passed)"
    fi
}

if [ "$long" -eq 1 ]; then
    for t in "$top"/tests/long/*.sh; do
        [ -f "$t" ] || continue
        run_one "long/$(basename "$t" .sh)" sh "$t"
    done
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
fi
for t in "$top/$build"/tests/test_*; do
    [ -x "$t" ] || continue
    run_one "unit/$(basename "$t")" "$t"
done
for t in "$top"/tests/e2e/*.sh; do
    [ -f "$t" ] || continue
    run_one "e2e/$(basename "$t" .sh)" sh "$t"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
