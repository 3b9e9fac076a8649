#!/bin/sh
# Benchmark: reading the school data from an .xlsx workbook against the same
# data as CSV — `junheng figures` (load, check, figures; JSON to /dev/null) on
# a generated county of 30,000 school parts, both ways: wall and CPU time,
# peak RSS, and the workbook's ratio to the CSV.  Mark (issue 14): within 2×
# of the CSV path in time and memory.  No assertions.
. "$(dirname "$0")/lib.inc"
X=build/rel/tools/csv2xlsx
[ -x "$X" ] || { echo "(no $X: run make bench, which builds the tools)"; exit 1; }
n=30000
"$GEN" $n "$BT/c" || exit 1
"$X" "$BT/c/schools.csv" "$BT/c/schools.xlsx" --title "生成的县" --group --codes-text || exit 1
sed "s|^schools *=.*|schools = schools.xlsx|" "$BT/c/report.ini" >"$BT/c/xlsx.ini"
printf "%-30s %8s %8s %10s %10s\n" "figures, $n parts" "wall s" "cpu s" "peak MB" "file MB"
measure "$JUNHENG" figures -c "$BT/c/report.ini" || exit 1
cs=$SECS cc=$CPU cr=$RSS_KB
awk -v s="$cs" -v c="$cc" -v r="$cr" -v f="$(stat -c %s "$BT/c/schools.csv")" \
    'BEGIN { printf "%-30s %8.3f %8.3f %10.1f %10.1f\n", "CSV", s, c, r / 1024, f / 1048576 }'
measure "$JUNHENG" figures -c "$BT/c/xlsx.ini" || exit 1
awk -v s="$SECS" -v c="$CPU" -v r="$RSS_KB" -v f="$(stat -c %s "$BT/c/schools.xlsx")" \
    'BEGIN { printf "%-30s %8.3f %8.3f %10.1f %10.1f\n", "XLSX (title, 2-row header)", s, c, r / 1024, f / 1048576 }'
awk -v s="$SECS" -v c="$CPU" -v r="$RSS_KB" -v s0="$cs" -v c0="$cc" -v r0="$cr" \
    'BEGIN { printf "%-30s %8.2fx %7.2fx %9.2fx   (mark: <= 2x)\n", "  XLSX / CSV", s / s0, c / (c0 > 0 ? c0 : 0.01), r / r0 }'
