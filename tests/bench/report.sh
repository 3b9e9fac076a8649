#!/bin/sh
# Benchmark: `junheng report` on the Tongdao 2019 example beside its floor
# (see render.sh): medians of 11 runs, instructions when valgrind is there,
# peak RSS, PDF bytes and pages.  No assertions.
. "$(dirname "$0")/lib.inc"
"$JUNHENG" report -c data/tongdao-2019/report.ini -o "$BT/r.pdf" --quiet || exit 1
python3 tests/bench/pdf_cps.py 9 "$BT/r.pdf" >"$BT/m" || exit 1
bench_pdf "report Tongdao 2019" "$BT/r.pdf" "$BT/m" "$JUNHENG" report -c data/tongdao-2019/report.ini -o "$BT/r.pdf" --quiet
