#!/bin/sh
# tests/lib.sh check_fails tells a refusal from a crash: exit 1 or 2 is a
# refusal; a signal or a sanitizer's exit code 99 is reported as a failure.
. "$(dirname "$0")/../lib.sh"

got() { (check_fails "x" "$@") | head -1 | cut -c1-6; }
[ "$(got sh -c 'exit 1')" = "ok - x" ] && ok "exit 1 is a refusal" || not_ok "exit 1 is a refusal"
[ "$(got sh -c 'exit 2')" = "ok - x" ] && ok "exit 2 is a refusal" || not_ok "exit 2 is a refusal"
[ "$(got sh -c 'exit 99')" = "not ok" ] && ok "exit 99 (a sanitizer) is a crash" || not_ok "exit 99 is a crash"
[ "$(got sh -c 'kill -SEGV $$')" = "not ok" ] && ok "SIGSEGV is a crash" || not_ok "SIGSEGV is a crash"
[ "$(got sh -c 'kill -ABRT $$')" = "not ok" ] && ok "SIGABRT is a crash" || not_ok "SIGABRT is a crash"
[ "$(got true)" = "not ok" ] && ok "exit 0 is no refusal" || not_ok "exit 0 is no refusal"
