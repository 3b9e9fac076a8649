#!/bin/sh
# Benchmark: `junheng figures` on generated counties of 300 to 100,000 school
# parts (output to /dev/null): wall and CPU time, peak RSS, and CPU time and
# RSS per part.  Floors beside them: figures_floor (the same loading and
# figures, nothing written; `check` is no floor since it also composes the
# report and every sheet) and csv_floor (the CSV read and parsed, nothing kept).
# Issue 17's mark: figures on 100,000 parts ≤ 1.5 s and ≤ 100 MiB.  No assertions.
. "$(dirname "$0")/lib.inc"
FLOOR=build/rel/tools/csv_floor
LOADED=build/rel/tools/figures_floor
printf '%-26s %8s %8s %10s %14s %14s\n' "figures" "wall s" "cpu s" "peak MB" "cpu us / part" "RSS KB / part"
row() {  # label n
    awk -v l="$1" -v n=$2 -v s="$SECS" -v c="$CPU" -v r="$RSS_KB" 'BEGIN {
        printf "%-26s %8.3f %8.3f %10.1f %14.1f %14.3f\n", l, s, c, r / 1024, c * 1e6 / n, r / n }'
}
for n in 300 3000 30000 100000; do
    "$GEN" $n "$BT/c$n" || exit 1
    measure "$JUNHENG" figures -c "$BT/c$n/report.ini" && row "json, $n parts" $n
    [ $n -eq 100000 ] || continue
    measure "$JUNHENG" figures -c "$BT/c$n/report.ini" --format csv && row "csv, $n parts" $n
    [ -x "$LOADED" ] && measure "$LOADED" "$BT/c$n/report.ini" && row "  floor: loaded, no output" $n
    [ -x "$FLOOR" ] && measure "$FLOOR" "$BT/c$n/schools.csv" && row "  floor: CSV parsed only" $n
    rm -rf "$BT/c$n"
done
