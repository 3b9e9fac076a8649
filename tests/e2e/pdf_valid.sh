#!/bin/sh
# Every kind of PDF junheng writes (render, report, per-file and combined
# sheets) reads without a single warning in poppler (pdftotext, pdffonts),
# MuPDF (mutool draw -F txt) and qpdf --check; its text still extracts in
# full after a Ghostscript pdfwrite round trip (what "print to PDF",
# optimisers and archive converters do); its text is the text the PDFs had
# before the back end embedded fonts itself (tests/data/pdftext/, made with
# the libharu font loader: content order, page numbers and white space
# removed; re-made when the clreq layout drew chart labels after all bars and
# the seed's table 1 stopped breaking across a page — the same characters); the report has an outline of its headings; output is
# byte-identical run to run; nothing is left in TMPDIR.
. "$(dirname "$0")/../lib.sh"

export TMPDIR="$TMP/tmpdir"
mkdir -p "$TMPDIR"
O=$TMP/out
mkdir -p "$O"

check "render seed" "$JUNHENG" render tests/data/render/seed.md -o "$O/seed.pdf" --date 2019-11-20
check "report tongdao" "$JUNHENG" report -c data/tongdao-2019/report.ini -o "$O/tongdao.pdf" --quiet
check "report sample" "$JUNHENG" report -c data/sample-county/report.ini -o "$O/sample.pdf" --quiet
check "sheets --combined tongdao" "$JUNHENG" sheets -c data/tongdao-2019/report.ini --combined "$O/tongdao-sheets.pdf" --quiet
check "sheets per file sample" "$JUNHENG" sheets -c data/sample-county/report.ini -o "$O/each" --quiet -j 2

# this MuPDF build says so on every file, whatever the file
mutool_noise='^warning: ICC support is not available$'

for pdf in "$O"/*.pdf "$O"/each/QH101-*.pdf "$O"/each/QH204-*.pdf; do
    n=$(basename "$pdf" .pdf)
    pdftotext -enc UTF-8 "$pdf" "$TMP/t.txt" 2>"$TMP/err"
    [ -s "$TMP/err" ] && { not_ok "$n: pdftotext warns"; sed 's/^/#   /' "$TMP/err" | sort | uniq -c | head -3; } || ok "$n: pdftotext quiet"
    pdffonts "$pdf" >"$TMP/fonts" 2>"$TMP/err"
    [ -s "$TMP/err" ] && { not_ok "$n: pdffonts warns"; head -3 "$TMP/err"; } || ok "$n: pdffonts quiet"
    nf=$(tail -n +3 "$TMP/fonts" | wc -l)
    good=$(tail -n +3 "$TMP/fonts" | awk '$(NF-4) == "yes" && $(NF-3) == "yes" && $(NF-2) == "yes"' | wc -l)
    [ "$nf" -gt 0 ] && [ "$nf" -eq "$good" ] && ok "$n: $nf fonts embedded, subset, with ToUnicode" \
        || not_ok "$n: fonts emb/sub/uni: $good of $nf"
    mutool draw -F txt -o "$TMP/m.txt" "$pdf" >/dev/null 2>"$TMP/err"
    grep -v "$mutool_noise" "$TMP/err" | grep -v '^page ' >"$TMP/err2"
    [ -s "$TMP/err2" ] && { not_ok "$n: mutool warns"; head -3 "$TMP/err2"; } || ok "$n: mutool quiet"
    if qpdf --check "$pdf" >"$TMP/q" 2>&1 && ! grep -qi 'warning' "$TMP/q"; then ok "$n: qpdf --check clean"
    else not_ok "$n: qpdf --check"; grep -i 'warn\|error' "$TMP/q" | head -3; fi
    # Ghostscript round trip: the same characters come out, none as U+FFFD
    if gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile="$TMP/gs.pdf" "$pdf" >"$TMP/err" 2>&1; then
        # in content order: poppler's reading order of table cells and chart
        # labels may change with a coordinate's last decimal
        pdftotext -raw -enc UTF-8 "$TMP/gs.pdf" - 2>/dev/null | tr -d ' \n\f' >"$TMP/gs.flat"
        pdftotext -raw -enc UTF-8 "$pdf" - 2>/dev/null | tr -d ' \n\f' >"$TMP/t.flat"
        [ -s "$TMP/t.flat" ] && cmp -s "$TMP/gs.flat" "$TMP/t.flat" && ok "$n: text intact after gs pdfwrite" \
            || not_ok "$n: text after gs pdfwrite: $(wc -c <"$TMP/gs.flat") of $(wc -c <"$TMP/t.flat") bytes"
        mutool draw -F txt -o "$TMP/gm.txt" "$TMP/gs.pdf" >/dev/null 2>&1
        bad=$(grep -c "$(printf '\357\277\275')" "$TMP/gm.txt")
        [ "$bad" -eq 0 ] && ok "$n: MuPDF reads no U+FFFD after gs" || not_ok "$n: $bad lines with U+FFFD after gs"
    else
        not_ok "$n: gs pdfwrite failed"; head -3 "$TMP/err"
    fi
done

# The same text as before the change (content order, white space and page numbers removed).
flat() { pdftotext -raw -enc UTF-8 "$1" - 2>/dev/null | grep -v '^— [0-9]* —$' | tr -d ' \n\f'; }
for n in seed tongdao sample tongdao-sheets; do
    flat "$O/$n.pdf" >"$TMP/$n.flat"
    cmp -s "$TMP/$n.flat" "tests/data/pdftext/$n.txt" && ok "$n: text identical to before" \
        || not_ok "$n: text differs from tests/data/pdftext/$n.txt"
done
for f in "$O"/each/*.pdf; do flat "$f"; echo; done >"$TMP/each.flat"
cmp -s "$TMP/each.flat" tests/data/pdftext/sample-sheets.txt && ok "per-file sheets: text identical to before" \
    || not_ok "per-file sheets: text differs from tests/data/pdftext/sample-sheets.txt"

# The report's outline: its 一、 and （一） headings, nested.
mutool show "$O/tongdao.pdf" outline >"$TMP/outline" 2>/dev/null
contains "report outline has 一、" "$TMP/outline" "一、2019年度县域义务教育均衡发展基本情况"
contains "report outline has 四、" "$TMP/outline" "四、下一步工作打算"
grep -q '^|	*	"（一）' "$TMP/outline" && ok "（一） nested under 一、" || not_ok "（一） not nested: $(head -3 "$TMP/outline")"
[ "$(grep -c '"' "$TMP/outline")" -eq 6 ] && ok "report outline: 6 entries" || not_ok "report outline: $(grep -c '"' "$TMP/outline") entries, want 6"

# Byte-identical across runs (and across -j for the combined file).
"$JUNHENG" render tests/data/render/seed.md -o "$O/seed2.pdf" --date 2019-11-20 >/dev/null 2>&1
check "render: byte-identical across runs" cmp "$O/seed.pdf" "$O/seed2.pdf"
"$JUNHENG" sheets -c data/tongdao-2019/report.ini --combined "$O/ts2.pdf" --quiet -j 1 >/dev/null 2>&1
check "combined sheets: byte-identical across runs and -j" cmp "$O/tongdao-sheets.pdf" "$O/ts2.pdf"
"$JUNHENG" sheets -c data/sample-county/report.ini -o "$O/each2" --quiet -j 1 >/dev/null 2>&1
check "per-file sheets: byte-identical across runs and -j" diff -r "$O/each" "$O/each2"

# Fonts are embedded from memory: no temporary font file or folder, also on failure.
"$JUNHENG" report -c data/tongdao-2019/report.ini -o "$TMP/nodir/x.pdf/y.pdf" --quiet >/dev/null 2>&1
touch "$TMP/nodir"
"$JUNHENG" sheets -c data/tongdao-2019/report.ini --combined "$TMP/nodir/c.pdf" --quiet >/dev/null 2>&1
left=$(ls -A "$TMPDIR" | wc -l)
[ "$left" -eq 0 ] && ok "nothing left in TMPDIR" || not_ok "left in TMPDIR: $(ls -A "$TMPDIR" | head -3)"

# --combined lays each sheet out once, on -j threads ahead of the writer: a
# school that cannot be set is left out and named, the others are written in
# school order, the same bytes whatever -j.
W=$TMP/bad
cp -r data/sample-county "$W"
python3 - "$W" <<'PY'
import sys
d = sys.argv[1]
raw = open(d + '/schools.csv', 'rb').read()
try:
    s = raw.decode('utf-8')
except UnicodeDecodeError:
    s = raw.decode('gb18030')
lines = s.split('\n')
f = lines[2].split(',')
f[1] = f[1][:2] + '\U0010FFFD' + f[1][2:]   # a character no face has
lines[2] = ','.join(f)
open(d + '/schools.csv', 'w', encoding='utf-8').write('\n'.join(lines))
PY
code=$(sed -n 3p "$W/schools.csv" | cut -d, -f1)
"$JUNHENG" sheets -c "$W/report.ini" --combined "$W/j1.pdf" -j 1 >/dev/null 2>"$W/err1"; rc1=$?
"$JUNHENG" sheets -c "$W/report.ini" --combined "$W/j2.pdf" -j 2 >/dev/null 2>"$W/err2"; rc2=$?
[ "$rc1" -eq 1 ] && [ "$rc2" -eq 1 ] && ok "combined with a bad school exits 1" || not_ok "exit $rc1 / $rc2, want 1"
contains "the bad school is named" "$W/err2" "$code"
contains "the character is named" "$W/err2" "U+10FFFD"
check "combined with a bad school: same bytes for -j 1 and -j 2" cmp "$W/j1.pdf" "$W/j2.pdf"
n=$(mutool show "$W/j2.pdf" outline 2>/dev/null | grep -c '"')
all=$(tail -n +2 "$W/schools.csv" | grep -c .)
[ "$n" -ge 1 ] && [ "$n" -lt "$all" ] && ! mutool show "$W/j2.pdf" outline 2>/dev/null | grep -q "$code" \
    && ok "the others are written ($n bookmarks), the bad one is not" || not_ok "bookmarks: $n of $all rows"
