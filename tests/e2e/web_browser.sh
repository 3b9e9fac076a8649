#!/bin/sh
# The workbench in a real browser (Debian's headless Chromium through
# python3-selenium): the whole path of tests/web/browser.py.  Skipped, with a
# line saying so, only where Chromium, its driver or selenium is missing.
. "$(dirname "$0")/../lib.sh"
. "$JH_TOP/tests/web/lib.sh"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null ||
   ! /usr/bin/python3 -c 'import selenium' 2>/dev/null; then
    echo "ok - SKIP web browser test: chromium, chromium-driver or python3-selenium is not installed (make deps)"
    exit 0
fi

mkdir -p "$TMP/root" "$TMP/downloads" "$JH_TOP/build/web-screens"
cp -r data/tongdao-2019 "$TMP/root/"
# the workbook as staff keep it: an .xlsx (numbers as numbers, codes as text);
# the CSV where openpyxl is missing
workbook=$TMP/workbook.xlsx
/usr/bin/python3 - data/tongdao-2019/schools.csv "$workbook" <<'PY' 2>/dev/null || workbook=$TMP/workbook.csv
import csv, sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "学校"
for i, row in enumerate(csv.reader(open(sys.argv[1], encoding="utf-8-sig"))):
    out = []
    for j, v in enumerate(row):
        if i and j > 2:
            try:
                v = int(v)
            except ValueError:
                v = float(v)
        out.append(v)
    ws.append(out)
wb.save(sys.argv[2])
PY
[ -f "$workbook" ] || cp data/tongdao-2019/schools.csv "$workbook"
echo "# the browser uploads $(basename "$workbook")"
serve_start "$TMP/root" || exit 1
HOME=$TMP timeout 240 /usr/bin/python3 tests/web/browser.py "$BASE" "$workbook" "$TMP/downloads" \
    "$JH_TOP/build/web-screens" 2>"$TMP/browser.err"
rc=$?
[ $rc -eq 124 ] && not_ok "the browser test did not finish in 240 s"
[ $rc -ne 0 ] && sed 's/^/#   /' "$TMP/browser.err" | tail -20
contains "the accepted correction is the county's data now" "$TMP/root/tongdao-2019/schools.csv" "52000"
contains "the data before it is kept" "$TMP/root/tongdao-2019/.junheng/previous.csv" "43939.35"
contains "the INI names the CSV again after the cell edits were accepted" "$TMP/root/tongdao-2019/report.ini" "schools  = schools.csv"
contains "the issuer set in the form is in the INI" "$TMP/root/tongdao-2019/report.ini" "issuer  = 通道侗族自治县教育局"
contains "the INI keeps its comments" "$TMP/root/tongdao-2019/report.ini" "; 发文单位 and 成文日期 are optional"
check "the shipped example is untouched" cmp data/tongdao-2019/schools.csv "$JH_TOP/data/tongdao-2019/schools.csv"
contains "the server logs one line per request" "$TMP/serve.log" "POST /api/county/tongdao-2019/render/report 200"
serve_stop
