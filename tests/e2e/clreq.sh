#!/bin/sh
# Punctuation and justification as clreq asks (issue 13), measured on real
# output by tools/clreq_measure.py: the seed text through `junheng render`
# and both example reports.  Thresholds (the tool's --check): 0 ink overlaps,
# >= 95 % of adjacent pairs compressed, line-end blank <= 0.5 pt on justified
# lines, 0 gaps inside digit runs, loosest line <= 1 pt a gap, 0 one-character
# last lines, 0 kinsoku violations, 100 % flush.
. "$(dirname "$0")/../lib.sh"

MEASURE="python3 tools/clreq_measure.py"

# The tool itself fails a page set badly in every way it measures.
python3 tests/data/clreq/make_bad.py "$TMP/bad.json"
$MEASURE --check --glyphs "$TMP/bad.json" >"$TMP/bad.out" 2>&1
rc=$?
[ "$rc" -eq 1 ] && ok "the measuring tool fails a badly set page" || { not_ok "measuring tool exit $rc on a bad page"; cat "$TMP/bad.out"; }
for what in "ink overlaps" "adjacent pairs" "line-end blank" "digit gaps" "loose line" \
            "one-character last line" "kinsoku" "flush" "ink outside the margins"; do
    grep "FAILS:" "$TMP/bad.out" | grep -qF "$what" && ok "the tool catches: $what" || not_ok "the tool misses: $what"
done

check "render the seed" "$JUNHENG" render tests/data/render/seed.md -o "$TMP/seed.pdf" --date 2019-11-20
check "Tongdao report" "$JUNHENG" report -c data/tongdao-2019/report.ini -o "$TMP/tongdao.pdf"
check "sample-county report" "$JUNHENG" report -c data/sample-county/report.ini -o "$TMP/sample.pdf"
for doc in seed tongdao sample; do
    if $MEASURE --check "$TMP/$doc.pdf" >"$TMP/$doc.out" 2>&1; then
        ok "clreq thresholds hold on $doc"
    else
        not_ok "clreq thresholds on $doc"; sed 's/^/#   /' "$TMP/$doc.out" | head -20
    fi
    sed 's/^/# /' "$TMP/$doc.out" | head -1
done

# School sheets: charts whose labels never overprint one another (nor the
# category names under the axis: "县平均 = 100" with every bar near 100).
"$JUNHENG" sheets -c data/sample-county/report.ini -o "$TMP/sheets" >/dev/null 2>&1
"$JUNHENG" sheets -c data/tongdao-2019/report.ini --combined "$TMP/sheets/tongdao-all.pdf" >/dev/null 2>&1
n=0; bad=0
for f in "$TMP"/sheets/*.pdf; do
    n=$((n + 1))
    $MEASURE "$f" | head -1 | grep -q "overlaps 0 " || { bad=$((bad + 1)); echo "#   overlap in $f"; }
done
[ "$n" -gt 1 ] && [ "$bad" -eq 0 ] && ok "no ink overlaps on $n sheet files" || not_ok "$bad of $n sheet files have overlapping glyphs"
