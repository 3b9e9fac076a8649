#!/bin/sh
# Benchmark: `junheng report` on the Tongdao 2019 example: median (and min,
# max) wall time of 20 runs, peak RSS, PDF bytes and pages.  No assertions.
. "$(dirname "$0")/lib.inc"
: >"$BT/times"
for i in $(seq 20); do
    measure "$JUNHENG" report -c data/tongdao-2019/report.ini -o "$BT/r.pdf" --quiet || exit 1
    echo "$SECS" >>"$BT/times"
done
pages=$(pdfinfo "$BT/r.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
printf '%-26s %8s %8s %8s %10s %10s %6s\n' "report" "median s" "min s" "max s" "peak MB" "bytes" "pages"
sort -n "$BT/times" | awk -v r="$RSS_KB" -v b="$(wc -c <"$BT/r.pdf")" -v p="$pages" '
    { t[NR] = $1 } END { printf "%-26s %8.3f %8.3f %8.3f %10.1f %10d %6s\n",
        "Tongdao 2019 (20 runs)", (t[10] + t[11]) / 2, t[1], t[NR], r / 1024, b, p }'
