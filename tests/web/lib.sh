# Start and stop `junheng serve` for a test (sourced after tests/lib.sh).
#
#   serve_start ROOT [ARGS...]   starts on a free loopback port; sets $SERVE_PID, $BASE
#   serve_stop                   SIGTERM, wait; ok when it stopped cleanly (exit 0:
#                                no sanitizer report, no leak)
serve_start() {
    root=$1; shift
    # A fresh log, truncated here and not in the background child: a second
    # server must not be found at the first one's address in the old log.
    rm -f "$TMP/serve.log"; : >"$TMP/serve.log"
    "$JUNHENG" serve --root "$root" --listen 127.0.0.1:0 "$@" >"$TMP/serve.log" 2>&1 &
    SERVE_PID=$!
    i=0
    while [ $i -lt 200 ]; do    # at most 20 s (the sanitizer build starts slowly)
        BASE=$(sed -n 's|.*\(http://127\.0\.0\.1:[0-9]*\)/.*|\1|p' "$TMP/serve.log" 2>/dev/null | head -1)
        [ -n "$BASE" ] && return 0
        kill -0 $SERVE_PID 2>/dev/null || break
        sleep 0.1; i=$((i + 1))
    done
    not_ok "the server did not start"; sed 's/^/#   /' "$TMP/serve.log" | head -20
    return 1
}

serve_stop() {
    kill -TERM $SERVE_PID 2>/dev/null
    rc=0; wait $SERVE_PID || rc=$?
    if [ $rc -eq 0 ]; then ok "the server stops cleanly on SIGTERM (no sanitizer report)"
    else not_ok "the server exited $rc on SIGTERM"; grep -v '^20..-' "$TMP/serve.log" | sed 's/^/#   /' | head -40; fi
}
