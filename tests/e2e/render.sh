#!/bin/sh
# junheng render: the seed report as Markdown -> PDF, read back with poppler.
. "$(dirname "$0")/../lib.sh"

SEED=tests/data/render/seed.md
PDF=$TMP/seed.pdf
check "render the seed report" "$JUNHENG" render "$SEED" -o "$PDF" --date 2019-11-20

# Text comes back: every paragraph of the source is in the extracted text
# (line ends removed, Markdown marks stripped).
pdftotext -enc UTF-8 "$PDF" "$TMP/seed.txt" 2>/dev/null
# page numbers ("— 2 —") and form feeds interrupt paragraphs that cross pages
grep -v '^— [0-9]* —$' "$TMP/seed.txt" | tr -d '\n \f' >"$TMP/flat.txt"
missing=0
grep -v '^|' "$SEED" | grep -v '^{{' | sed -e 's/^#* *//' -e 's/\*\*//g' | tr -d ' ' | while IFS= read -r para; do
    [ -n "$para" ] || continue
    grep -qF -- "$para" "$TMP/flat.txt" || { echo "#   missing: $(echo "$para" | cut -c1-60)"; echo x; }
done >"$TMP/missing"
if grep -q '^x' "$TMP/missing"; then not_ok "pdftotext gives the input text back"; grep '^#' "$TMP/missing" | head; else ok "pdftotext gives the input text back"; fi
for cell in 96.15 2909.14 0.279 生均中级及以上职称数 达标比例; do
    contains "table cell $cell extracted" "$TMP/flat.txt" "$cell"
done

# 禁则: no extracted line starts with a closing/stop mark or ends with an opening one.
# Lines are rebuilt from word boxes: pdftotext splits a line where squeezed
# punctuation makes glyph boxes overlap.
python3 tests/data/render/lines.py "$PDF" >"$TMP/lines.txt"
bad=$(LC_ALL=C.UTF-8 grep -cE '^[[:space:]]*[。，、；：？！”’）》〕】」』〉％%‰℃]|[“‘（《〔【「『〈][[:space:]]*$' "$TMP/lines.txt")
[ "$(wc -l <"$TMP/lines.txt")" -gt 200 ] && ok "visual lines rebuilt" || not_ok "visual lines rebuilt"
[ "$bad" -eq 0 ] && ok "no line starts or ends with a forbidden mark" || not_ok "$bad lines break 禁则"

# Fonts: all embedded and subset.
pdffonts "$PDF" 2>/dev/null | tail -n +3 >"$TMP/fonts"
nf=$(wc -l <"$TMP/fonts")
nsub=$(awk '$(NF-4) == "yes" && $(NF-3) == "yes"' "$TMP/fonts" | wc -l)
[ "$nf" -gt 0 ] && [ "$nf" -eq "$nsub" ] && ok "all $nf fonts embedded and subset" || not_ok "fonts: $nsub of $nf embedded+subset"

pdfinfo "$PDF" 2>/dev/null >"$TMP/info"
contains "A4 pages" "$TMP/info" "(A4)"
contains "title metadata" "$TMP/info" "通道侗族自治县2019年度推进县域义务教育均衡发展工作情况报告"
contains "creator metadata" "$TMP/info" "junheng"
contains "date from --date" "$TMP/info" "2019"
size=$(wc -c <"$PDF")
[ "$size" -lt 400000 ] && ok "seed PDF is $size bytes (fonts really subset)" || not_ok "seed PDF too big: $size"

# Everything but the page numbers stays inside the 156 x 225 mm type area
# (28 mm from the left, 37 mm from the top: x 79.37..521.57, y 104.88..742.68 pt).
# A line-start opening mark and a line-end closing or stop mark have their
# blank trimmed (clreq): their em box passes the margin by up to 0.75 em,
# their ink does not (tools/clreq_measure.py checks the ink, tests/e2e/clreq.sh).
pdftotext -bbox "$PDF" - 2>/dev/null | awk -F'"' '/<word/ {
    x0 = $2; y0 = $4; x1 = $6; y1 = $8
    if (y0 > 745) next          # page numbers sit below the type area
    l = 78.9; r = 522.1
    if ($9 ~ /^>(（|“|《|〔|【|「|『|‘|〈)/) l -= 12
    if ($9 ~ /(。|，|、|；|：|？|！|”|’|）|》|〕|】|」|』|〉)<\/word>$/) r += 12
    if (x0 < l || x1 > r || y0 < 104.4 || y1 > 743.2) print }' >"$TMP/outside"
[ ! -s "$TMP/outside" ] && ok "text inside the type area" || { not_ok "text outside the type area"; head -3 "$TMP/outside"; }
pdftotext -bbox "$PDF" - 2>/dev/null | awk -F'"' '/<word/ && $4 > 745 { n++ } END { exit !(n >= 3) }' \
    && ok "page numbers below the type area" || not_ok "page numbers below the type area"

# Same input, same bytes.
"$JUNHENG" render "$SEED" -o "$TMP/again.pdf" --date 2019-11-20 2>/dev/null
cmp -s "$PDF" "$TMP/again.pdf" && ok "two runs give identical bytes" || not_ok "two runs differ"
SOURCE_DATE_EPOCH=1574208000 "$JUNHENG" render "$SEED" -o "$TMP/sde.pdf" 2>/dev/null
pdfinfo "$TMP/sde.pdf" 2>/dev/null | grep -q "Nov 20 00:00:00 2019" && ok "SOURCE_DATE_EPOCH sets the dates" || not_ok "SOURCE_DATE_EPOCH ignored"

# Bad input: errors with file:line:col, exit 1, no output left behind.
printf '# T\n\n正文\n\n<div>x</div>\n' >"$TMP/html.md"
"$JUNHENG" render "$TMP/html.md" -o "$TMP/html.pdf" 2>"$TMP/err"
[ $? -eq 1 ] && ok "raw HTML exits 1" || not_ok "raw HTML exits 1"
contains "raw HTML error has its place" "$TMP/err" "html.md:5:1:"
[ ! -e "$TMP/html.pdf" ] && ok "no PDF after an error" || not_ok "a PDF was left after an error"
printf '# T\n\n笑😀了\n' >"$TMP/emoji.md"
check_fails "a character no font has fails" "$JUNHENG" render "$TMP/emoji.md" -o "$TMP/emoji.pdf"
"$JUNHENG" render "$TMP/emoji.md" -o "$TMP/emoji.pdf" 2>"$TMP/err"
contains "missing character named with code point and line" "$TMP/err" "emoji.md:3: character “😀” (U+1F600)"
printf '# T\n\n罕见字鿏与䶮，上标m²。\n' >"$TMP/rare.md"
check "rare BMP characters fall back to another face" "$JUNHENG" render "$TMP/rare.md" -o "$TMP/rare.pdf"
pdftotext "$TMP/rare.pdf" - 2>/dev/null | tr -d '\n' | grep -q "鿏与䶮" && ok "fallback characters extracted" || not_ok "fallback characters lost"
check_fails "missing input fails" "$JUNHENG" render "$TMP/nope.md" -o "$TMP/nope.pdf"
"$JUNHENG" render "$SEED" >/dev/null 2>&1
[ $? -eq 2 ] && ok "missing -o is a usage error" || not_ok "missing -o is a usage error"
