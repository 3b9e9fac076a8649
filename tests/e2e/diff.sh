#!/bin/sh
# `junheng diff`: the Tongdao example against a copy with one school's books
# reduced below the standard; identical inputs; --old-data; JSON; bad usage.
. "$(dirname "$0")/../lib.sh"

T=data/tongdao-2019
code() { "$@" >"$TMP/.out" 2>"$TMP/.err"; echo $?; }
exits() {  # what expected-code command...
    what=$1; want=$2; shift 2
    got=$(code "$@")
    if [ "$got" = "$want" ]; then ok "$what"; else not_ok "$what: exit $got, expected $want"; sed 's/^/#   /' "$TMP/.err" | head -10; fi
}

# The copy: 县第三完全小学 (2022 pupils) keeps 30000 books instead of 45376,
# 14.84 per pupil against the standard of 20.
mkdir -p "$TMP/new"
cp $T/report.ini "$TMP/new/report.ini"
sed 's/^\(4312300103,县第三完全小学,小学,\([^,]*,\)\{10\}\)45376,/\130000,/' $T/schools.csv >"$TMP/new/schools.csv"
check "the copy differs in one line" sh -c "[ \$(diff $T/schools.csv '$TMP/new/schools.csv' | grep -c '^>') = 1 ]"

exits "a change in the report exits 3" 3 "$JUNHENG" diff -c $T/report.ini -c "$TMP/new/report.ini"
O="$TMP/.out"; cp "$O" "$TMP/diff.txt"
contains "names the school" "$O" "4312300103 县第三完全小学（小学）"
contains "the data change, old -> new, with the column's label" "$O" "图书册数  45376 → 30000"
contains "the 生均图书 county mean changes" "$O" "生均图书册数 县域均值  28.492 → 27.654"
contains "the 生均图书 CV changes" "$O" "生均图书册数 差异系数  0.368  → 0.406"
contains "the composite changes" "$O" "综合差异系数           0.380  → 0.385"
contains "the met count changes" "$O" "生均藏书 达标校数      26     → 25"
contains "the rate changes at display precision" "$O" "生均藏书 达标率(%)     100.00 → 96.15"
contains "the school's own value" "$O" "14.84"
contains "the flipped verdict" "$O" "生均藏书  达标     → 未达标"
contains "all ten no longer met" "$O" "十项指标  全部达标 → 未全部达标"
not_contains "the middle schools do not change" "$O" "初中 全县"
contains "summary line on stderr" "$TMP/.err" "junheng diff: 1 data value(s), 0 school part(s) added or removed, 8 figure(s) and 2 verdict(s) change"

# the same with --old-data, and as JSON
exits "--old-data gives the same answer" 3 "$JUNHENG" diff -c "$TMP/new/report.ini" --old-data $T/schools.csv -q
check "same text as with two INI files" cmp "$TMP/.out" "$TMP/diff.txt"
check "--quiet prints nothing on stderr" test ! -s "$TMP/.err"
exits "JSON exits 3" 3 "$JUNHENG" diff -c $T/report.ini -c "$TMP/new/report.ini" --format json
J="$TMP/.out"
contains "JSON: changed" "$J" '{"changed":true'
contains "JSON: the data change" "$J" '{"level":"primary","code":"4312300103","name":"县第三完全小学","key":"books","measure":"data","label":"图书册数","old":"45376","new":"30000"}'
contains "JSON: the CV" "$J" '"key":"books","measure":"cv","label":"生均图书册数 差异系数","old":"0.368","new":"0.406"}'
contains "JSON: the verdict as booleans" "$J" '"key":"books","measure":"met","label":"生均藏书","old":true,"new":false'
check "JSON parses" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["verdicts"])==2 and d["schools"]==[]' "$J"

# identical inputs: nothing on stdout, exit 0
exits "identical inputs exit 0" 0 "$JUNHENG" diff -c $T/report.ini -c $T/report.ini
check "identical inputs print nothing" test ! -s "$TMP/.out"
contains "one 'no changes' line on stderr" "$TMP/.err" "junheng diff: no changes"
exits "identical data via --old-data exit 0" 0 "$JUNHENG" diff -c $T/report.ini --old-data $T/schools.csv
exits "identical JSON exits 0" 0 "$JUNHENG" diff -c $T/report.ini -c $T/report.ini -f json
contains "JSON: unchanged" "$TMP/.out" '{"changed":false'

# a change below display precision changes data only: exit 0
sed 's/^\(4312300103,县第三完全小学,小学,\([^,]*,\)\{10\}\)45376,/\145377,/' $T/schools.csv >"$TMP/new/schools.csv"
exits "one more book changes nothing printed: exit 0" 0 "$JUNHENG" diff -c $T/report.ini -c "$TMP/new/report.ini"
contains "but the data change is listed" "$TMP/.out" "45376 → 45377"

# a school removed and a threshold revised
grep -v '^4312300103,' $T/schools.csv >"$TMP/new/schools.csv"
sed 's/^books              = 20$/books              = 21/' $T/report.ini >"$TMP/new/report.ini"
exits "removed school exits 3" 3 "$JUNHENG" diff -c $T/report.ini -c "$TMP/new/report.ini"
contains "the removed school" "$TMP/.out" "- 4312300103 县第三完全小学（小学）"
contains "the revised threshold" "$TMP/.out" "生均藏书 标准  20.00 → 21.00"
contains "the school count" "$TMP/.out" "学校数"

# bad input and usage
exits "one -c without --old-data is a usage error" 2 "$JUNHENG" diff -c $T/report.ini
exits "three -c is a usage error" 2 "$JUNHENG" diff -c a.ini -c b.ini -c c.ini
exits "unknown format is a usage error" 2 "$JUNHENG" diff -c $T/report.ini -c $T/report.ini -f xml
exits "--help exits 0" 0 "$JUNHENG" diff --help
contains "--help names --old-data" "$TMP/.out" "--old-data"
exits "a missing INI is bad input" 1 "$JUNHENG" diff -c $T/report.ini -c "$TMP/none.ini"
contains "the missing file is named" "$TMP/.err" "none.ini"
printf '学校代码,学校名称\n1,x\n' >"$TMP/bad.csv"
exits "bad old data is bad input" 1 "$JUNHENG" diff -c $T/report.ini --old-data "$TMP/bad.csv"
contains "the bad old data is named" "$TMP/.err" "bad.csv"
