#!/bin/sh
# Benchmark: `junheng sheets` for a generated county of 1,000 school parts,
# one PDF per school (-j 2) and --combined: wall time, peak RSS, total bytes.
# No assertions.
. "$(dirname "$0")/lib.inc"
N=${SHEETS_N:-1000}
"$GEN" "$N" "$BT/c" || exit 1
printf '%-30s %8s %10s %12s %8s\n' "sheets ($N parts)" "s" "peak MB" "total bytes" "files"
measure "$JUNHENG" sheets -c "$BT/c/report.ini" -o "$BT/each" -j 2 --quiet && {
    bytes=$(cat "$BT/each"/*.pdf | wc -c); files=$(ls "$BT/each" | wc -l)
    awk -v s="$SECS" -v r="$RSS_KB" -v b="$bytes" -v f="$files" 'BEGIN {
        printf "%-30s %8.2f %10.1f %12d %8d\n", "per file, -j 2", s, r / 1024, b, f }'; }
measure "$JUNHENG" sheets -c "$BT/c/report.ini" --combined "$BT/all.pdf" --quiet && {
    awk -v s="$SECS" -v r="$RSS_KB" -v b="$(wc -c <"$BT/all.pdf")" 'BEGIN {
        printf "%-30s %8.2f %10.1f %12d %8d\n", "--combined", s, r / 1024, b, 1 }'; }
