#!/bin/sh
# The .xlsx reader: the Tongdao data as a workbook gives the CSV's figures
# exactly; every kind of bad workbook or cell is refused naming the workbook,
# sheet and cell; WPS's habits (inline strings, no cell references, prefixed
# XML, phonetic runs) read as Excel's.
. "$(dirname "$0")/../lib.sh"

X=build/rel/tools/csv2xlsx
MK="python3 tests/mkxlsx.py"
[ -x "$X" ] || { not_ok "no $X (make test builds it)"; exit 0; }

# figures --format json without the two fields that say where rows came
# from (a workbook's row numbers and "XLSX" are not a CSV's lines and encoding)
figs() { "$JUNHENG" figures -c "$1" --format json 2>/dev/null | sed -e 's/"line":[0-9]*,//g' -e 's/"encoding":"[^"]*",//'; }

ini_for() {  # ini_for DATAFILE OUT.ini [extra [data] lines]
    data=$1; out=$2; shift 2
    sed -e "/^\[data\]/,/^\[/ s|^schools *=.*|schools = $data|" -e '/^output/d' data/tongdao-2019/report.ini >"$out"
    for l in "$@"; do sed -i "s|^\[data\]|[data]\n$l|" "$out"; done
}

# --- THE key test: Tongdao as a bureau's workbook ------------------------------
mkdir -p "$TMP/t"
cp data/tongdao-2019/practices.md "$TMP/t/"   # the county's own text, which the report includes
check "csv2xlsx writes the Tongdao workbook (title, two-row header, codes as text)" \
    "$X" data/tongdao-2019/schools.csv "$TMP/t/schools.xlsx" \
    --title "通道侗族自治县2019年义务教育学校基本情况统计表" --group --codes-text
ini_for "$TMP/t/schools.xlsx" "$TMP/t/report.ini"
figs data/tongdao-2019/report.ini >"$TMP/csv.json"
figs "$TMP/t/report.ini" >"$TMP/xlsx.json"
check "the CSV's figures are not empty" test -s "$TMP/csv.json"
check "figures --format json of the workbook equals the CSV's" cmp "$TMP/csv.json" "$TMP/xlsx.json"
"$JUNHENG" check -c "$TMP/t/report.ini" >"$TMP/check.out" 2>&1
contains "check names the title row it skipped" "$TMP/check.out" "schools.xlsx: 学校!A1: warning: skipped as a title above the header"
contains "check reads the workbook as XLSX" "$TMP/check.out" "(XLSX)"

# the same with a units row and a 合计 row of SUM formulas (cached values)
"$X" data/tongdao-2019/schools.csv "$TMP/t/units.xlsx" --title "统计表" --group --units --totals
ini_for "$TMP/t/units.xlsx" "$TMP/t/units.ini"
figs "$TMP/t/units.ini" >"$TMP/units.json"
check "a units row and a 合计 row change nothing" cmp "$TMP/csv.json" "$TMP/units.json"
"$JUNHENG" check -c "$TMP/t/units.ini" >"$TMP/units.out" 2>&1
contains "the units row is skipped with a warning" "$TMP/units.out" "学校!A4: warning: skipped as a units row"
contains "the 合计 row is skipped and its sums agree" "$TMP/units.out" "skipped as a totals row (合计); its sums agree with the"
# codes as numbers read back as the same codes
"$X" data/tongdao-2019/schools.csv "$TMP/t/num.xlsx"
ini_for "$TMP/t/num.xlsx" "$TMP/t/num.ini"
figs "$TMP/t/num.ini" >"$TMP/num.json"
check "codes stored as numbers read as the same codes" cmp "$TMP/csv.json" "$TMP/num.json"
# diff --old-data takes a workbook
check "diff --old-data accepts a workbook (no change: exit 0)" "$JUNHENG" diff -c data/tongdao-2019/report.ini --old-data "$TMP/t/schools.xlsx"

# --- bad cells: each names workbook, sheet and cell -----------------------------
# A header whose column F is 校园占地面积, a title row, rows 3..12; cell F12 is
# replaced per case.
spec() {  # spec CELL_JSON [extra spec keys] > file
    python3 - "$1" "${2:-}" <<'PY'
import json, sys
cell = json.loads(sys.argv[1])
extra = json.loads(sys.argv[2]) if sys.argv[2] else {}
head = ["学校代码", "学校名称", "学段", "在校生数", "专任教师数", "校园占地面积", "学历合格教师数", "高于规定学历教师数",
        "中级及以上职称教师数", "校舍建筑面积", "教学及辅助用房面积", "体育运动场馆面积", "教学仪器设备值", "图书册数",
        "计算机台数", "实验室数", "功能室数", "图书室"]
rows = [["某县学校情况表"], head]
for i in range(10):
    rows.append(["43123%05d" % i, "第%d小学" % (i + 1), "小学", 300 + i, 20, 9000.5, 20, 15, 8, 3000, 1500, 2000, 500000,
                 9000, 40, 2, 6, 1])
rows[-1][5] = cell
d = {"rows": rows}
d.update(extra)
print(json.dumps(d, ensure_ascii=False))
PY
}
bad_cell() {  # bad_cell WHAT CELL_JSON EXPECTED [spec extras]
    spec "$2" "${4:-}" >"$TMP/s.json"
    $MK "$TMP/t/schools.xlsx" "$TMP/s.json"
    "$JUNHENG" check -c "$TMP/t/report.ini" >"$TMP/bad.out" 2>&1
    rc=$?
    if [ $rc -eq 1 ]; then ok "$1: refused (exit 1)"; else not_ok "$1: exit $rc, expected 1"; sed 's/^/#   /' "$TMP/bad.out" | head -5; fi
    contains "$1: names workbook, sheet and cell" "$TMP/bad.out" "$3"
}
P="$TMP/t/schools.xlsx: 学校!F12: column 'site_area' (校园占地面积): "
bad_cell "text that is not a number" '"9千"' "${P}'9千' is not a number"
bad_cell "an error value" '{"t": "e", "v": "#DIV/0!"}' "${P}holds the error value #DIV/0!"
bad_cell "a formula without a cached value" '{"f": "F11*2"}' "${P}is a formula without a calculated value"
bad_cell "a date-formatted number" '{"v": "43709", "date": true}' "${P}is a date"
bad_cell "an ISO date cell" '{"t": "d", "v": "2019-09-01T00:00:00"}' "${P}is a date"
bad_cell "a negative number" '-5' "${P}-5 is negative"
bad_cell "a shared string that does not exist" '{"t": "s", "v": "x", "idx": "999"}' \
    "$TMP/t/schools.xlsx: 学校!F12: not a valid .xlsx: the cell refers to shared string '999'"

# --- good cells in other shapes ---------------------------------------------------
good() {  # good WHAT CELL_JSON [spec extras]
    spec "$2" "${3:-}" >"$TMP/s.json"
    $MK "$TMP/t/schools.xlsx" "$TMP/s.json"
    check "$1" "$JUNHENG" check -c "$TMP/t/report.ini"
}
good "a formula with its cached value" '{"f": "F11", "v": "9000.5"}'
good "digits stored as text" '"9000.5"'
good "a formula's text result (t=str)" '{"t": "str", "f": "TEXT(F11,\"0.0\")", "v": "9000.5"}'
good "WPS habits: inline strings with phonetic runs, no cell references, prefixed XML" '9000.5' \
    '{"strings": "inline", "no_refs": true, "prefix": "x:", "rph": true}'
good "shared strings with phonetic runs" '9000.5' '{"rph": true}'
good "the first visible sheet is read, a hidden one skipped" '9000.5' '{"hidden_first": true, "extra_sheets": ["说明"]}'

# full precision: a value Excel shows rounded is read with every digit
spec '9000.123456789012' >"$TMP/s.json"
$MK "$TMP/t/schools.xlsx" "$TMP/s.json"
"$JUNHENG" figures -c "$TMP/t/report.ini" --format json >"$TMP/p.json" 2>/dev/null
want=$(python3 -c 'print(repr(9000.123456789012 / 309))')
contains "numbers keep every stored digit" "$TMP/p.json" "\"value\":$want,"

# --- workbooks that are not workbooks ---------------------------------------------
refused() {  # refused WHAT FILE EXPECTED
    cp "$2" "$TMP/t/schools.xlsx"
    "$JUNHENG" check -c "$TMP/t/report.ini" >"$TMP/bad.out" 2>&1
    rc=$?
    if [ $rc -eq 1 ]; then ok "$1: refused (exit 1)"; else not_ok "$1: exit $rc, expected 1"; sed 's/^/#   /' "$TMP/bad.out" | head -5; fi
    contains "$1: says why" "$TMP/bad.out" "$3"
}
printf '\320\317\021\340\241\261\032\341rest of an old workbook' >"$TMP/old.xls"
refused "a renamed .xls" "$TMP/old.xls" "Excel 97-2003 workbook (.xls)"
python3 -c "import zipfile; zipfile.ZipFile('$TMP/other.zip','w').writestr('readme.txt','hi')"
refused "a ZIP without a workbook" "$TMP/other.zip" "ZIP file without an Excel workbook"
head -c 3000 "$TMP/t/units.xlsx" >"$TMP/cut.xlsx"
refused "a truncated workbook" "$TMP/cut.xlsx" "not a valid .xlsx workbook"
$MK "$TMP/bomb.xlsx" --bomb 200
refused "a 200 MB sheet (zip bomb)" "$TMP/bomb.xlsx" "junheng reads at most 100 MB"

# --- [data] sheet -------------------------------------------------------------------
"$X" data/tongdao-2019/schools.csv "$TMP/t/named.xlsx" --sheet 学校基本情况 --codes-text
ini_for "$TMP/t/named.xlsx" "$TMP/t/sheet.ini" "sheet = 学校基本情况"
figs "$TMP/t/sheet.ini" >"$TMP/sheet.json"
check "[data] sheet names the sheet to read" cmp "$TMP/csv.json" "$TMP/sheet.json"
ini_for "$TMP/t/named.xlsx" "$TMP/t/nosheet.ini" "sheet = 汇总"
"$JUNHENG" check -c "$TMP/t/nosheet.ini" >"$TMP/nosheet.out" 2>&1
contains "a sheet that is not there is refused, listing the sheets" "$TMP/nosheet.out" "the workbook has no sheet named '汇总'"
contains "… and the hint lists them" "$TMP/nosheet.out" "'学校基本情况', '说明'"

# --- plausibility warnings (exit 0) --------------------------------------------------
sed -e 's/^primary_max_cv *=.*/primary_max_cv = 1.5/' data/tongdao-2019/report.ini >"$TMP/cv.ini"
sed -i "/^\[data\]/,/^\[/ s|^schools *=.*|schools = $JH_TOP/data/tongdao-2019/schools.csv|" "$TMP/cv.ini"
cp data/tongdao-2019/practices.md "$TMP/"
check "a CV limit of 1.5 is only a warning" "$JUNHENG" check -c "$TMP/cv.ini"
"$JUNHENG" check -c "$TMP/cv.ini" >"$TMP/cv.out" 2>&1
contains "a CV limit outside (0, 1] is warned about" "$TMP/cv.out" "warning: [balance] primary_max_cv = 1.5 is outside (0, 1]: any county passes"
# a money column in 万元 by mistake: 生均 far under the standard
awk -F, 'BEGIN {OFS=","} NR == 2 {$13 = $13 / 10000} {print}' data/tongdao-2019/schools.csv >"$TMP/t/wan.csv"
ini_for "$TMP/t/wan.csv" "$TMP/t/wan.ini"
"$JUNHENG" check -c "$TMP/t/wan.ini" >"$TMP/wan.out" 2>&1
contains "a per-pupil value under 1/20 of its standard is warned about, naming the row" "$TMP/wan.out" \
    "$TMP/t/wan.csv:2: warning: school '县第一完全小学' (小学): 生均教学仪器设备值 is"
