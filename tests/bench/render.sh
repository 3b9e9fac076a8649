#!/bin/sh
# Benchmark: render the seed report (title, narrative, both tables) to PDF,
# beside its floor: tools/pdf_floor opening the same faces, subsetting them to
# the same characters, deflating them at the same level and writing them,
# with nothing else.  Medians of 11 runs: wall and CPU (user + system, from
# wait4), and, when valgrind is there, instructions (callgrind: the figure to
# compare on a shared machine).  No assertions.
. "$(dirname "$0")/lib.inc"
FLOOR=build/rel/tools/pdf_floor
SEED=tests/data/render/seed.md
"$JUNHENG" render "$SEED" -o "$BT/seed.pdf" --date 2019-11-20 || exit 1
python3 tests/bench/pdf_cps.py 9 "$BT/seed.pdf" >"$BT/m" || exit 1
bench_pdf "render seed.md" "$BT/seed.pdf" "$BT/m" "$JUNHENG" render "$SEED" -o "$BT/seed.pdf" --date 2019-11-20
