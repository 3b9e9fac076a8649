#!/bin/sh
# Benchmark: `junheng figures` on generated counties of 300, 3,000 and 30,000
# school parts (JSON to /dev/null): wall and CPU time, peak RSS, and CPU time
# and RSS per part (to show the cost grows linearly).  No assertions.
. "$(dirname "$0")/lib.inc"
printf '%-22s %8s %8s %10s %14s %14s\n' "figures (json)" "wall s" "cpu s" "peak MB" "cpu us / part" "RSS KB / part"
for n in 300 3000 30000; do
    "$GEN" $n "$BT/c$n" || exit 1
    measure "$JUNHENG" figures -c "$BT/c$n/report.ini" || continue
    awk -v n=$n -v s="$SECS" -v c="$CPU" -v r="$RSS_KB" 'BEGIN {
        printf "%-22s %8.3f %8.3f %10.1f %14.1f %14.3f\n", n " parts", s, c, r / 1024, c * 1e6 / n, r / n }'
done
