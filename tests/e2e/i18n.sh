#!/bin/sh
# Messages: English under C and English locales, Chinese under zh_CN (from
# build/locale, compiled by make).  zh_CN.UTF-8 itself may not be generated on
# this machine; gettext honours LANGUAGE=zh_CN under any locale but C/POSIX,
# so C.UTF-8 is used, and the zh_CN.UTF-8 locale is also tried when present.
. "$(dirname "$0")/../lib.sh"

printf '[report]\ncounty = 示例县\n' >"$TMP/bad.ini"
run() { "$@" >"$TMP/.out" 2>"$TMP/.err"; echo $? >"$TMP/.rc"; }

run env LC_ALL=C LANGUAGE= "$JUNHENG" check -c "$TMP/bad.ini"
contains "C locale: English message" "$TMP/.err" "[report] year (年度) is missing"
contains "C locale: English hint" "$TMP/.err" "hint: add 'year = ...' under [report]"
check "bad file still exits 1" grep -qx 1 "$TMP/.rc"
run env LC_ALL=C LANGUAGE=zh_CN "$JUNHENG" check -c "$TMP/bad.ini"
contains "LANGUAGE is ignored under the C locale" "$TMP/.err" "[report] year (年度) is missing"
run env LANGUAGE=en LC_ALL=C.UTF-8 "$JUNHENG" check -c "$TMP/bad.ini"
contains "English: English message" "$TMP/.err" "[report] year (年度) is missing"

run env LANGUAGE=zh_CN LC_ALL=C.UTF-8 "$JUNHENG" check -c "$TMP/bad.ini"
contains "zh_CN: Chinese message" "$TMP/.err" "缺少 [report] year（年度）"
contains "zh_CN: Chinese hint" "$TMP/.err" "提示：请在 [report] 下加上“year = ……”"
contains "zh_CN: Chinese summary" "$TMP/.err" "junheng check：发现"
not_contains "zh_CN: no English left in the hints" "$TMP/.err" "hint:"
check "zh_CN: still exits 1" grep -qx 1 "$TMP/.rc"
run env LANGUAGE=zh_CN LC_ALL=C.UTF-8 "$JUNHENG" --help
contains "zh_CN: command list" "$TMP/.out" "检查配置文件和学校数据"
run env LANGUAGE=zh_CN LC_ALL=C.UTF-8 "$JUNHENG" diff -c data/tongdao-2019/report.ini
contains "zh_CN: usage error of diff" "$TMP/.err" "请给出两个配置文件"

# a CSV error: the column and the hint in Chinese
sed 's/^\(4312300101,县第一完全小学,小学,\)3367,/\13367人,/' data/tongdao-2019/schools.csv >"$TMP/s.csv"
sed "s|^schools *=.*|schools = $TMP/s.csv|" data/tongdao-2019/report.ini >"$TMP/csv.ini"
run env LANGUAGE=zh_CN LC_ALL=C.UTF-8 "$JUNHENG" check -c "$TMP/csv.ini"
contains "zh_CN: CSV value error" "$TMP/.err" "s.csv:2: “在校生数”（students）列：“3367人”不是数字"
contains "zh_CN: CSV hint with the unit" "$TMP/.err" "提示：请只填数字，不带单位或备注（单位是名）"

# the issue's own command, whether or not zh_CN.UTF-8 is generated on this system
run env LANGUAGE=zh_CN LANG=zh_CN.UTF-8 LC_ALL= "$JUNHENG" check -c "$TMP/bad.ini"
contains "LANGUAGE=zh_CN LANG=zh_CN.UTF-8: Chinese message" "$TMP/.err" "缺少 [report] year（年度）"
run env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$JUNHENG" check -c "$TMP/bad.ini"
contains "LANG=zh_CN.UTF-8 alone: Chinese message" "$TMP/.err" "缺少 [report] year（年度）"
run env LANG=en_US.UTF-8 LC_ALL= LANGUAGE= "$JUNHENG" check -c "$TMP/bad.ini"
contains "en_US: English" "$TMP/.err" "[report] year (年度) is missing"
