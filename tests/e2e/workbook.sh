#!/bin/sh
# `junheng figures --format xlsx -o FILE`: the workbook read back with openpyxl
# holds every number of `figures --format json` (tests/e2e/workbook_check.py),
# on the basic and quality schemes, mixed schools and failing schools; -o
# writes atomically; usage errors.
. "$(dirname "$0")/../lib.sh"

need_openpyxl || exit 0

n=0
for c in data/tongdao-2019/report.ini data/sample-county/report.ini data/sample-county/report-quality.ini \
         tests/data/quality/report.ini tests/data/mixed/report.ini; do
    n=$((n + 1))
    check "figures json ($c)" sh -c '"$1" figures -c "$2" >"$3"' _ "$JUNHENG" "$c" "$TMP/f$n.json"
    check "figures xlsx ($c)" "$JUNHENG" figures -c "$c" --format xlsx -o "$TMP/out/f$n.xlsx"
    "$PY" tests/e2e/workbook_check.py "$TMP/f$n.json" "$TMP/out/f$n.xlsx" "$c"
done

# The checker fails on a workbook of other figures (it can fail).
"$PY" tests/e2e/workbook_check.py "$TMP/f1.json" "$TMP/out/f2.xlsx" x >"$TMP/neg.txt" 2>&1
if grep -q '^not ok' "$TMP/neg.txt"; then
    ok "the checker refuses another county's workbook"
else
    not_ok "the checker refuses another county's workbook"
fi

# Number formats at the printed precision, values unrounded.
"$PY" - "$TMP/out/f1.xlsx" >"$TMP/fmt.txt" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
s = wb["小学学校"]
print("ratio", s.cell(4, 6).number_format, s.cell(4, 6).value)
print("qualified", s.cell(4, 10).number_format)
print("cv", wb["表2 均衡状况"].cell(4, 3).number_format)
print("title", wb.properties.title)
PYEOF
contains "师生比 shows as 1:x.x" "$TMP/fmt.txt" 'ratio "1:"0.0 20.40606060606061'
contains "合格率 shows as a percent" "$TMP/fmt.txt" "qualified 0.00%"
contains "CVs show three decimals" "$TMP/fmt.txt" "cv 0.000"
contains "the workbook has a title" "$TMP/fmt.txt" "title 通道侗族自治县2019年义务教育均衡发展数据"

# -o for the text formats too, atomically; nothing left by a failure.
check "figures -o FILE writes the JSON there" "$JUNHENG" figures -c data/tongdao-2019/report.ini -o "$TMP/o.json"
check "... the same JSON as standard output" cmp "$TMP/o.json" "$TMP/f1.json"
check_fails "xlsx without -o is a usage error" "$JUNHENG" figures -c data/tongdao-2019/report.ini --format xlsx
"$JUNHENG" figures -c data/tongdao-2019/report.ini --format xlsx >/dev/null 2>&1
[ $? -eq 2 ] && ok "... exit 2" || not_ok "... exit 2"
check_fails "unknown format refused" "$JUNHENG" figures -c data/tongdao-2019/report.ini --format xls -o "$TMP/x.xls"
check_fails "bad data: no workbook" "$JUNHENG" figures -c tests/data/bad/dupes.ini --format xlsx -o "$TMP/bad.xlsx"
[ ! -e "$TMP/bad.xlsx" ] && ok "... and no file left" || not_ok "... and no file left"
mkdir -p "$TMP/ro" && chmod 555 "$TMP/ro"
if [ "$(id -u)" != 0 ]; then
    check_fails "unwritable folder refused" "$JUNHENG" figures -c data/tongdao-2019/report.ini --format xlsx -o "$TMP/ro/f.xlsx"
fi
mkdir -p "$TMP/o2/dir"
check_fails "a folder as the output refused" "$JUNHENG" figures -c data/tongdao-2019/report.ini --format xlsx -o "$TMP/o2/dir"
[ "$(ls -A "$TMP/o2")" = dir ] && ok "... no temporary file left" || not_ok "... no temporary file left: $(ls -A "$TMP/o2")"
