#!/bin/sh
# `junheng init DIR`: the folder it makes (report.ini from the configuration
# schema, practices.md, the schools.xlsx template read back with openpyxl),
# that it never replaces a file, its usage errors — and the whole path a
# county takes: init, fill the template programmatically with the Tongdao
# data (tests/e2e/init_fill.py), render the report and get Tongdao's figures.
. "$(dirname "$0")/../lib.sh"

need_openpyxl || exit 0
code() { "$@" >"$TMP/.out" 2>"$TMP/.err"; echo $?; }
exits() {  # what expected-code command...
    what=$1; want=$2; shift 2
    got=$(code "$@")
    if [ "$got" = "$want" ]; then ok "$what"; else not_ok "$what: exit $got, expected $want"; sed 's/^/#   /' "$TMP/.err" | head -10; fi
}

D="$TMP/county"
exits "init makes a new folder" 0 "$JUNHENG" init "$D" --county 通道侗族自治县 --year 2019
for f in report.ini practices.md schools.xlsx; do
    [ -s "$D/$f" ] && ok "init wrote $f" || not_ok "init wrote $f"
done
contains "init says what to do next" "$TMP/.err" "junheng check -c $D/report.ini"
contains "report.ini: the county given" "$D/report.ini" "county = 通道侗族自治县"
contains "report.ini: the year given" "$D/report.ini" "year = 2019"
contains "report.ini: the template as the data" "$D/report.ini" "schools = schools.xlsx"
contains "report.ini: basic scheme by default" "$D/report.ini" "scheme = basic"
contains "report.ini: a required standard left to fill" "$D/report.ini" "teacher_ratio ="
contains "report.ini: keys come with their Chinese label" "$D/report.ini" "小学师生比标准【必填】"
contains "report.ini: an optional key commented out with its default" "$D/report.ini" "; lines = 22"
contains "practices.md: a section per heading" "$D/practices.md" "# 主要做法"
# every key of the schema is in the file, in its section (the reference listing is printed from the schema)
"$JUNHENG" check --keys md 2>/dev/null | awk '/^### \[/ { s = $2; gsub(/[][]/, "", s) }
    /^\| `[a-z_0-9]+` \|/ { k = $2; gsub(/`/, "", k); print s "." k }' | sort -u >"$TMP/keys.txt"
awk '/^\[/ { s = $1; gsub(/[][]/, "", s) } /^(; )?[a-z_0-9]+ =/ { k = $0; sub(/^; /, "", k); sub(/ =.*/, "", k); print s "." k }' \
    "$D/report.ini" | sort -u >"$TMP/ini-keys.txt"
missing=$(comm -23 "$TMP/keys.txt" "$TMP/ini-keys.txt" | tr '\n' ' ')
[ "$(wc -l <"$TMP/keys.txt")" -gt 50 ] && [ -z "$missing" ] && ok "report.ini names every key of the schema ($(wc -l <"$TMP/keys.txt"))" \
    || not_ok "report.ini names every key of the schema: missing $missing"
exits "unfilled: check names what is missing" 1 "$JUNHENG" check -c "$D/report.ini"
contains "... a standard to fill, by line" "$TMP/.err" "[standard.primary] teacher_ratio"

# never replaces a file; the folder may hold others
cp "$D/report.ini" "$TMP/ini.before"
exits "init on a made folder refuses" 1 "$JUNHENG" init "$D"
contains "... naming the file" "$TMP/.err" "$D/report.ini: already exists"
check "... and leaves it as it was" cmp "$D/report.ini" "$TMP/ini.before"
mkdir -p "$TMP/other" && echo keep >"$TMP/other/notes.txt"
exits "init beside other files" 0 "$JUNHENG" init "$TMP/other" --scheme quality
contains "... keeps them" "$TMP/other/notes.txt" "keep"
contains "--scheme quality is written" "$TMP/other/report.ini" "scheme = quality"
mkdir -p "$TMP/half" && echo x >"$TMP/half/schools.xlsx"
exits "one existing file: nothing written" 1 "$JUNHENG" init "$TMP/half"
[ ! -e "$TMP/half/report.ini" ] && ok "... not even the others" || not_ok "... not even the others"

exits "no folder: usage" 2 "$JUNHENG" init
exits "bad year: usage" 2 "$JUNHENG" init "$TMP/y" --year 19
exits "bad scheme: usage" 2 "$JUNHENG" init "$TMP/y" --scheme good
exits "a county name with a line break: usage" 2 "$JUNHENG" init "$TMP/y" --county "$(printf 'a\nb')"
exits "unknown option: usage" 2 "$JUNHENG" init "$TMP/y" --force
[ ! -e "$TMP/y" ] && ok "usage errors make nothing" || not_ok "usage errors make nothing"
exits "--help" 0 "$JUNHENG" init --help

# the template, read back
"$PY" - "$D/schools.xlsx" >"$TMP/tpl.txt" 2>&1 <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("sheets", wb.sheetnames)
ws = wb["学校数据"]
heads = [c.value for c in ws[1]]
print("headers", "|".join(heads))
print("comments", sum(1 for c in ws[1] if c.comment and len(c.comment.text) > 8), "of", len(heads))
print("frozen", ws.freeze_panes)
print("code format", ws.column_dimensions["A"].number_format if "A" in ws.column_dimensions else None)
for dv in ws.data_validations.dataValidation:
    print("validation", dv.type, dv.formula1, str(dv.sqref))
narrow = [h for i, h in enumerate(heads) if (ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width or 0) < 9]
print("narrow columns", narrow)
n = wb["填表说明"]
print("explained", sum(1 for r in n.iter_rows(min_row=2, max_row=len(heads) + 1, values_only=True) if r[0] in heads and r[3]))
PYEOF
contains "template: two sheets, in Chinese" "$TMP/tpl.txt" "sheets ['学校数据', '填表说明']"
contains "template: Chinese headers with units, in the loader's order" "$TMP/tpl.txt" \
    "headers 学校代码|学校名称|学段|学校类型|在校生数（名）|专任教师数（名）|学历合格教师数（名）"
contains "template: areas in m², money in 元" "$TMP/tpl.txt" "占地面积（m²）|校舍建筑面积（m²）|教学及辅助用房面积（m²）|体育运动场馆面积（m²）|教学仪器设备值（元）"
contains "template: a comment on every header" "$TMP/tpl.txt" "comments 23 of 23"
contains "template: header, code and name frozen" "$TMP/tpl.txt" "frozen C2"
contains "template: codes are text" "$TMP/tpl.txt" "code format @"
contains "template: 学段 is a list" "$TMP/tpl.txt" 'validation list "小学,初中" C2:C5001'
contains "template: 学校类型 is a list" "$TMP/tpl.txt" 'validation list "小学,初中,九年一贯制,完全中学,教学点" D2:D5001'
contains "template: pupils are whole numbers from 1" "$TMP/tpl.txt" "validation whole 1 E2:E5001"
contains "template: books are whole numbers" "$TMP/tpl.txt" "validation whole 0 O2:O5001"
contains "template: areas are decimals" "$TMP/tpl.txt" "validation decimal 0 J2:J5001"
contains "template: widths fit" "$TMP/tpl.txt" "narrow columns []"
contains "template: the second sheet explains every column" "$TMP/tpl.txt" "explained 23"

# the whole path: fill it as a county would, and render
"$PY" tests/e2e/init_fill.py "$D" data/tongdao-2019 >"$TMP/fill.txt" 2>&1 && ok "the template fills" \
    || { not_ok "the template fills"; sed 's/^/#   /' "$TMP/fill.txt"; }
"$JUNHENG" check -c "$D/report.ini" >"$TMP/.out" 2>"$TMP/.err"
if grep -q 'not as .xls/.xlsx' "$TMP/.err"; then
    # No .xlsx reader yet (issue 14 item 1): the same sheet saved as CSV.
    echo "# no .xlsx reader in this build: the filled template goes through CSV"
    rm -rf "$D" && "$JUNHENG" init "$D" --county 通道侗族自治县 --year 2019 2>/dev/null
    "$PY" tests/e2e/init_fill.py "$D" data/tongdao-2019 --csv >"$TMP/fill.txt" 2>&1
fi
exits "filled: check passes" 0 "$JUNHENG" check -c "$D/report.ini"
exits "filled: the report renders" 0 "$JUNHENG" report -c "$D/report.ini" -o "$D/report.pdf"
pdftotext -layout "$D/report.pdf" "$TMP/report.txt" 2>/dev/null
contains "the report names the county" "$TMP/report.txt" "通道侗族自治县"
contains "the report holds 表1" "$TMP/report.txt" "表1"
contains "... with the county's 96.15 (25 of 26 小学 meet 生均校地)" "$TMP/report.txt" "96.15"
"$JUNHENG" figures -c "$D/report.ini" | sed 's/"encoding":"[^"]*"//; s/"title":"[^"]*"//; s/"line":[0-9]*//g' >"$TMP/a.json"
"$JUNHENG" figures -c data/tongdao-2019/report.ini | sed 's/"encoding":"[^"]*"//; s/"title":"[^"]*"//; s/"line":[0-9]*//g' >"$TMP/b.json"
check "the filled template gives Tongdao's figures exactly" cmp "$TMP/a.json" "$TMP/b.json"
