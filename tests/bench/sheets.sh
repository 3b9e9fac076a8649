#!/bin/sh
# Benchmark: `junheng sheets` for generated counties, each beside its floor
# (tools/pdf_floor: the same faces opened, subset to the same characters,
# deflated at the same level and written, nothing else; see render.sh):
#   - one PDF per school for SHEETS_N (1,000) school parts, -j 1: CPU per
#     sheet; the floor does the same sheets' fonts in one process;
#   - the same with -j 2: wall time;
#   - --combined for SHEETS_COMBINED_N (10,000) school parts: wall, CPU, peak RSS.
# CPU and RSS from wait4 (tests/bench/run.py).  No assertions.
. "$(dirname "$0")/lib.inc"
FLOOR=build/rel/tools/pdf_floor
N=${SHEETS_N:-1000}
NC=${SHEETS_COMBINED_N:-10000}
"$GEN" "$N" "$BT/c" >/dev/null || exit 1
printf '%-34s %9s %9s %9s %12s %12s %8s\n' "sheets" "wall s" "cpu s" "peak MB" "cpu ms/sheet" "total bytes" "files"
row() {  # name wall_ms cpu_ms rss_kb files bytes
    awk -v n="$1" -v w="$2" -v c="$3" -v r="$4" -v f="$5" -v b="$6" 'BEGIN {
        printf "%-34s %9.2f %9.2f %9.1f %12.2f %12s %8d\n", n, w / 1e3, c / 1e3, r / 1024, c / f, b, f }'
}
set -- $(python3 tests/bench/run.py 1 "$JUNHENG" sheets -c "$BT/c/report.ini" -o "$BT/each" -j 1 --quiet)
files=$(ls "$BT/each" | wc -l)
row "per file, $N parts, -j 1" "$1" "$2" "$3" "$files" "$(cat "$BT/each"/*.pdf | wc -c)"
python3 tests/bench/pdf_cps.py 9 "$BT"/each/*.pdf >"$BT/m" || exit 1
set -- $(python3 tests/bench/run.py 1 "$FLOOR" "$BT/m" "$BT/floor.bin")
row "  floor: fonts only" "$1" "$2" "$3" "$files" "-"
rm -rf "$BT/each"
set -- $(python3 tests/bench/run.py 1 "$JUNHENG" sheets -c "$BT/c/report.ini" -o "$BT/each" -j 2 --quiet)
row "per file, $N parts, -j 2" "$1" "$2" "$3" "$files" "$(cat "$BT/each"/*.pdf | wc -c)"

"$GEN" "$NC" "$BT/cc" >/dev/null || exit 1
set -- $(python3 tests/bench/run.py 1 "$JUNHENG" sheets -c "$BT/cc/report.ini" --combined "$BT/all.pdf" --quiet)
pages=$(pdfinfo "$BT/all.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
row "--combined, $NC parts" "$1" "$2" "$3" "${pages:-1}" "$(wc -c <"$BT/all.pdf")"
python3 tests/bench/pdf_cps.py 9 "$BT/all.pdf" >"$BT/m" || exit 1
set -- $(python3 tests/bench/run.py 1 "$FLOOR" "$BT/m" "$BT/floor.bin")
row "  floor: fonts only" "$1" "$2" "$3" "${pages:-1}" "-"
echo "  (cpu ms/sheet: per page for --combined)"
