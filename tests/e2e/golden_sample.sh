#!/bin/sh
# Golden test: the fictional 青禾县 (data/sample-county) gives the expected
# verdicts — mixed schools split by the national weights, four parts below
# standard, 初中 over its CV limit, the quality scheme — from an Excel-style
# GB18030 + CRLF file.  Expected values: tools/gen_sample (see its README).
. "$(dirname "$0")/../lib.sh"
d=data/sample-county

check "gen_sample compiles (-Wall -Wextra -Werror)" \
    ${CC:-cc} -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Isrc -O1 \
    -o "$TMP/gen_sample" tools/gen_sample.c src/common/num.c -lm
check "gen_sample writes the CSV" "$TMP/gen_sample" "$TMP/schools.csv"
check "schools.csv is exactly the generator's output" cmp "$TMP/schools.csv" $d/schools.csv
check_fails "schools.csv is not UTF-8 (it is GB18030)" iconv -f UTF-8 -t UTF-8 $d/schools.csv
check "schools.csv converts from GB18030" iconv -f GB18030 -t UTF-8 -o "$TMP/u.csv" $d/schools.csv
contains "the header is Chinese" "$TMP/u.csv" "学校代码,学校名称,学段,学校类型"
check "every line ends in CRLF" sh -c "[ \"\$(grep -c \"\$(printf '\\r')\$\" $d/schools.csv)\" -eq \"\$(wc -l < $d/schools.csv)\" ]"
check "mixed school rows carry equal whole-school resources" sh -c \
    "awk -F, '\$1==\"QH103\"{print \$10\",\"\$11\",\"\$12\",\"\$13\",\"\$14\",\"\$15\",\"\$16}' $TMP/u.csv | uniq | wc -l | grep -qx 1"
"$TMP/gen_sample" | sed 's/^/# /'
"$TMP/gen_sample" >"$TMP/oracle.txt"
contains "oracle: 初中 not balanced" "$TMP/oracle.txt" "composite 0.633 (limit 0.55): NOT balanced"
contains "oracle: 小学 balanced" "$TMP/oracle.txt" "composite 0.234 (limit 0.65): balanced"

cat >"$TMP/basic.txt" <<'END'
primary - schools - 8 0
middle  - schools - 6 0
primary balance teaching_area cv 0.235 3
primary balance sports_area   cv 0.434 3
primary balance computers     cv 0.279 3
primary - composite_cv - 0.234 3
primary - balanced - true -
middle balance teaching_area   mean 6.099   3
middle balance equipment_value mean 4182.32 2
middle balance books           mean 52.627  3
middle balance teaching_area   cv 0.737 3
middle balance sports_area     cv 0.633 3
middle balance equipment_value cv 0.866 3
middle balance books           cv 0.537 3
middle balance computers       cv 1.055 3
middle balance teacher_ratio   cv 0.276 3
middle balance above_degree    cv 0.395 3
middle balance senior_title    cv 0.562 3
middle - composite_cv - 0.633 3
middle - balanced - false -
primary compliance teacher_ratio      met 7 0
primary compliance qualified_teachers met 7 0
primary compliance function_rooms     met 6 0
primary compliance books              met 6 0
primary compliance all                met 6 0
primary compliance all                rate 75.00 2
middle compliance teacher_ratio       met 4 0
middle compliance building_area       met 4 0
middle compliance library             met 5 0
middle compliance all                 met 4 0
middle compliance all                 rate 66.67 2
END
cat >"$TMP/quality.txt" <<'END'
primary balance teaching_area    cv 0.235 3
primary balance multimedia_rooms cv 0.184 3
primary - balanced - true -
middle balance teaching_area   cv 0.737 3
middle balance sports_area     cv 0.633 3
middle balance equipment_value cv 0.866 3
middle - balanced - false -
END

run_figures() {  # INI EXPECT
    if "$JUNHENG" figures -c "$1" --format json >"$TMP/f.json" 2>"$TMP/f.err"; then
        awk -f tests/e2e/golden_json.awk "$TMP/f.json" "$2"
        check "junheng check is clean on $1" "$JUNHENG" check -c "$1"
    else
        not_ok "junheng figures -c $1 failed"
        sed 's/^/#   /' "$TMP/f.err" | head -20
    fi
}
run_figures $d/report.ini "$TMP/basic.txt"
run_figures $d/report-quality.ini "$TMP/quality.txt"
