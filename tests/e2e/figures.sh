#!/bin/sh
# `junheng figures` and `junheng check` on the good fixtures in tests/data:
# the JSON and CSV contracts, encodings, mixed schools, help and usage errors.
. "$(dirname "$0")/../lib.sh"

D=tests/data
code() { "$@" >"$TMP/.out" 2>"$TMP/.err"; echo $?; }
exits() {  # what expected-code command...
    what=$1; want=$2; shift 2
    got=$(code "$@")
    if [ "$got" = "$want" ]; then ok "$what"; else not_ok "$what: exit $got, expected $want"; sed 's/^/#   /' "$TMP/.err" | head -10; fi
}

# --- JSON contract on the basic county (domain.md worked example as 小学 books)
exits "figures on the basic county exits 0" 0 "$JUNHENG" figures -c $D/basic/report.ini
cp "$TMP/.out" "$TMP/basic.json"; cp "$TMP/.err" "$TMP/basic.err"
J="$TMP/basic.json"
contains "JSON names the county and year" "$J" '{"county":"示例县","year":2019,'
contains "JSON names the scheme" "$J" '"scheme":"basic"'
contains "primary level with its counts" "$J" '{"level":"primary","label":"小学","schools":5,"students":302,"teachers":17,'
contains "compliance entry shape" "$J" '{"key":"teacher_ratio","label":"师生比","met":5,"total":5,"rate":100}'
contains "site area met by 3 of 5" "$J" '{"key":"site_area","label":"生均校地","met":3,"total":5,"rate":60}'
contains "the all-ten entry" "$J" '{"key":"all","label":"全部达标","met":3,"total":5,"rate":60}'
contains "weighted CV of books, unrounded (0.5153)" "$J" '{"key":"books","label":"生均图书数","mean":6.3344370860927155,"cv":0.5152566298844764,'
contains "middle rate 2/3 unrounded" "$J" '"rate":66.66666666666667'
contains "composite and verdict" "$J" '"max_cv":0.65,"balanced":true'
contains "balance order starts with teaching_area" "$J" '"balance":[{"key":"teaching_area","label":"生均教学及辅助用房面积"'
contains "school detail: site area shortfall in m²" "$J" '{"key":"site_area","value":13.157894736842104,"threshold":15,"met":false,"shortfall":140}'
contains "school detail: books shortfall in 册" "$J" '{"key":"books","value":2.1052631578947367,"threshold":3,"met":false,"shortfall":68}'
contains "school detail: missing list" "$J" '"missing":["qualified_teachers","site_area","function_rooms"]'
contains "unused column warned once" "$TMP/basic.err" "schools.csv:1: warning: column(s) '备注' are not used"
if command -v python3 >/dev/null 2>&1; then
    check "JSON parses" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$J"
fi

# --- the same data in GB18030 with CRLF, and with a UTF-8 BOM: identical figures
exits "GB18030 + CRLF county exits 0" 0 "$JUNHENG" figures -c $D/gb18030/report.ini
sed 's/"encoding":"[^"]*"//; s/"line":[0-9]*//g' "$TMP/.out" >"$TMP/gb.json"
sed 's/"encoding":"[^"]*"//; s/"line":[0-9]*//g' "$J" >"$TMP/utf.json"
check "GB18030 + CRLF gives the same figures" cmp "$TMP/gb.json" "$TMP/utf.json"
contains "GB18030 detected" "$TMP/.out" '"encoding":"GB18030"'
exits "BOM county exits 0" 0 "$JUNHENG" figures -c $D/bom/report.ini
sed 's/"encoding":"[^"]*"//; s/"line":[0-9]*//g' "$TMP/.out" >"$TMP/bom.json"
check "BOM gives the same figures" cmp "$TMP/bom.json" "$TMP/utf.json"

# --- mixed schools and 教学点
exits "mixed county exits 0" 0 "$JUNHENG" figures -c $D/mixed/report.ini
M="$TMP/.out"
contains "九年一贯制 小学部 share 166/(166+1.1*210)" "$M" '"code":"J","name":"思源实验学校","type":"九年一贯制","line":2,"students":166,"teachers":10,"share":0.4181360201511335'
contains "九年一贯制 初中部 keeps its own teachers" "$M" '"students":210,"teachers":18,"share":0.5818639798488666'
contains "完全中学 share 600/(600+1.2*400)" "$M" '"share":0.5555555555555556'
contains "教学点 merged into its school" "$M" '"students":320,"teachers":22,"share":1,"teaching_points":1'
contains "two parts in 小学 after merging" "$M" '"level":"primary","label":"小学","schools":2,'

# --- CSV
exits "figures --format csv exits 0" 0 "$JUNHENG" figures -c $D/basic/report.ini --format csv
C="$TMP/.out"
check "CSV header" sh -c "head -1 '$C' | grep -qx 'level,scope,code,name,indicator,label,measure,value'"
contains "CSV county CV row" "$C" 'primary,county,,,books,"生均图书数",cv,0.5152566298844764'
contains "CSV school shortfall row" "$C" 'primary,school,"P04","丁小学",books,"生均藏书",shortfall,68'
contains "CSV composite row" "$C" 'primary,county,,,composite,"综合",cv,'

# --- check
exits "check on the basic county exits 0" 0 "$JUNHENG" check -c $D/basic/report.ini
contains "check says ok" "$TMP/.err" "ok: 8 school part(s)"
exits "check on mixed exits 0" 0 "$JUNHENG" check -c $D/mixed/report.ini

# --- help and usage
exits "figures --help exits 0" 0 "$JUNHENG" figures --help
contains "figures --help shows usage" "$TMP/.out" "usage: junheng figures -c REPORT.ini"
exits "check --help exits 0" 0 "$JUNHENG" check --help
contains "check --help shows usage" "$TMP/.out" "usage: junheng check -c REPORT.ini"
exits "figures without -c exits 2" 2 "$JUNHENG" figures
contains "missing -c is explained" "$TMP/.err" "the configuration is required"
exits "unknown option exits 2" 2 "$JUNHENG" figures -c $D/basic/report.ini --frobnicate
exits "unknown format exits 2" 2 "$JUNHENG" figures -c $D/basic/report.ini --format xml
exits "-c without a value exits 2" 2 "$JUNHENG" check -c

# --- scheme quality: 7 indicators, per-school rule, no composite
exits "quality county exits 0" 0 "$JUNHENG" figures -c $D/quality/report.ini
Q="$TMP/.out"
contains "scheme quality" "$Q" '"scheme":"quality"'
contains "quality balance entries" "$Q" '"balance":[{"key":"above_degree","label":"百名学生高于规定学历教师数","mean":4.25,'
contains "no composite under quality" "$Q" '"composite_cv":null,"max_cv":0.5,"balanced":true,"schools_passing":2'
contains "6 of 7 with the rest at >= 85% passes" "$Q" '{"key":"sports_area","value":6.4,"threshold":7.5,"met":false}'
contains "a school below 85% fails" "$Q" '"quality_pass":false'
