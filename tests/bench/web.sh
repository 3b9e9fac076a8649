#!/bin/sh
# Benchmark: `junheng serve` under load, on loopback, stopping by itself:
# 50 concurrent clients rendering the Tongdao report (throughput, p50/p95),
# then 1,000 requests with the server's memory sampled.  No assertions.
. "$(dirname "$0")/lib.inc"
mkdir -p "$BT/root"
cp -r data/tongdao-2019 "$BT/root/"
JOBS=$(nproc)
"$JUNHENG" serve --root "$BT/root" --listen 127.0.0.1:0 -j "$JOBS" >"$BT/serve.log" 2>&1 &
pid=$!
base=
for i in $(seq 100); do
    base=$(sed -n 's|.*\(http://127\.0\.0\.1:[0-9]*\)/.*|\1|p' "$BT/serve.log" 2>/dev/null | head -1)
    [ -n "$base" ] && break
    sleep 0.1
done
if [ -z "$base" ]; then echo "(the server did not start)"; kill $pid 2>/dev/null; exit 1; fi
timeout 900 /usr/bin/python3 tests/bench/web_load.py "$base" "$pid" "$JOBS" || echo "(load run failed or timed out)"
kill -TERM $pid; wait $pid
echo "  log lines: $(grep -c '^20..-' "$BT/serve.log")"
