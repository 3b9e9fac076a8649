#!/bin/sh
# Documents of any length: libharu 2.3.0's page list holds 32,767 kids, and
# junheng used to crash (exit 139) at page 32,768.  A Markdown file with
# 40,000 page breaks renders into one PDF of 40,001 pages that reads back
# whole; so does a combined sheets file of 40,000 schools.
. "$(dirname "$0")/../lib.sh"

python3 -c "
import sys
sys.stdout.write('# 长文档\n\n' + ''.join('第%d页\n\n---\n\n' % i for i in range(1, 40001)) + '第40001页\n')
" >"$TMP/long.md"
check "render 40,001 pages" "$JUNHENG" render "$TMP/long.md" -o "$TMP/long.pdf" --date 2019-11-20
pages=$(pdfinfo "$TMP/long.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -eq 40001 ] && ok "40,001 pages" || not_ok "pages: ${pages:-none}, want 40001"
check "qpdf --check on 40,001 pages" qpdf --check "$TMP/long.pdf"
pdftotext -f 40001 -l 40001 "$TMP/long.pdf" "$TMP/last.txt" 2>"$TMP/err"
contains "the last page reads 第40001页" "$TMP/last.txt" "第40001页"
[ -s "$TMP/err" ] && not_ok "pdftotext warns: $(head -1 "$TMP/err")" || ok "pdftotext quiet"

GEN=$JH_TOP/build/rel/tools/gen_county
if [ -x "$GEN" ]; then
    "$GEN" 40000 "$TMP/c" >/dev/null
    check "sheets --combined for 40,000 schools" "$JUNHENG" sheets -c "$TMP/c/report.ini" --combined "$TMP/all.pdf" --quiet
    pages=$(pdfinfo "$TMP/all.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    [ "${pages:-0}" -ge 40000 ] && ok "combined: $pages pages" || not_ok "combined pages: ${pages:-none}"
    check "qpdf --check on the combined file" qpdf --check "$TMP/all.pdf"
else
    not_ok "no $GEN (make tools)"
fi
