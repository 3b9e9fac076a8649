#!/bin/sh
# Benchmark: render the seed report (title, narrative, both tables) to PDF.
# Prints wall time (best of 5, whole process) and the output size.
set -u
: "${JUNHENG:=./junheng}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
best=""
for i in 1 2 3 4 5; do
    t0=$(date +%s%N)
    "$JUNHENG" render tests/data/render/seed.md -o "$tmp/seed.pdf" --date 2019-11-20 || exit 1
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
done
pages=$(pdfinfo "$tmp/seed.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
printf '%-28s %8s %10s %6s\n' "case" "ms" "bytes" "pages"
printf '%-28s %8s %10s %6s\n' "render seed.md (best of 5)" "$best" "$(wc -c <"$tmp/seed.pdf")" "$pages"
