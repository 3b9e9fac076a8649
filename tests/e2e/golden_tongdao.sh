#!/bin/sh
# Golden test: the built-in example data/tongdao-2019 reproduces every figure
# of the seed report (tables 一 and 二) at its printed precision.
#
# 1. tools/gen_tongdao, compiled here, regenerates schools.csv byte for byte
#    and recomputes every figure itself (exit 1 on any mismatch).
# 2. `junheng figures --format json` must give the same figures; the
#    composites are the formula's 0.380 and 0.273 (the seed printed 0.38 and
#    0.279 — see data/tongdao-2019/README.md).
. "$(dirname "$0")/../lib.sh"
d=data/tongdao-2019

check "gen_tongdao compiles (-Wall -Wextra -Werror)" \
    ${CC:-cc} -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Isrc -O1 \
    -o "$TMP/gen_tongdao" tools/gen_tongdao.c src/common/num.c -lm
check "gen_tongdao: 0 mismatches against the seed's tables" "$TMP/gen_tongdao" "$TMP/schools.csv"
"$TMP/gen_tongdao" 2>&1 | sed 's/^/# /'
check "schools.csv is exactly the generator's output" cmp "$TMP/schools.csv" $d/schools.csv
check "26 小学 and 11 初中 rows" sh -c \
    "[ \"\$(awk -F, '\$3==\"小学\"' $d/schools.csv | wc -l)\" -eq 26 ] && [ \"\$(awk -F, '\$3==\"初中\"' $d/schools.csv | wc -l)\" -eq 11 ]"

# LEVEL SECTION KEY FIELD VALUE DECIMALS — see golden_json.awk.
cat >"$TMP/expect.txt" <<'END'
primary - schools - 26 0
primary balance teaching_area   mean 3.392   3
primary balance sports_area     mean 4.649   3
primary balance equipment_value mean 2909.14 2
primary balance books           mean 28.492  3
primary balance computers       mean 10.776  3
primary balance teacher_ratio   mean 0.059   3
primary balance above_degree    mean 0.056   3
primary balance senior_title    mean 0.030   3
primary balance teaching_area   cv 0.517 3
primary balance sports_area     cv 0.533 3
primary balance equipment_value cv 0.295 3
primary balance books           cv 0.368 3
primary balance computers       cv 0.519 3
primary balance teacher_ratio   cv 0.231 3
primary balance above_degree    cv 0.242 3
primary balance senior_title    cv 0.334 3
primary - composite_cv - 0.380 3
primary - max_cv - 0.65 2
primary - balanced - true -
middle - schools - 11 0
middle balance teaching_area   mean 4.102   3
middle balance sports_area     mean 7.006   3
middle balance equipment_value mean 2942.86 2
middle balance books           mean 32.005  3
middle balance computers       mean 10.955  3
middle balance teacher_ratio   mean 0.074   3
middle balance above_degree    mean 0.064   3
middle balance senior_title    mean 0.046   3
middle balance teaching_area   cv 0.556 3
middle balance sports_area     cv 0.338 3
middle balance equipment_value cv 0.177 3
middle balance books           cv 0.300 3
middle balance computers       cv 0.209 3
middle balance teacher_ratio   cv 0.140 3
middle balance above_degree    cv 0.175 3
middle balance senior_title    cv 0.286 3
middle - composite_cv - 0.273 3
middle - max_cv - 0.55 2
middle - balanced - true -
END
for k in teacher_ratio qualified_teachers site_area building_area sports_area labs \
         function_rooms library equipment_value books all; do
    pm=26; pr=100
    if [ $k = site_area ] || [ $k = all ]; then pm=25; pr=96.15; fi
    echo "primary compliance $k met $pm 0"
    echo "primary compliance $k total 26 0"
    echo "primary compliance $k rate $pr 2"
    echo "middle compliance $k met 11 0"
    echo "middle compliance $k rate 100 2"
done >>"$TMP/expect.txt"

if "$JUNHENG" figures -c $d/report.ini --format json >"$TMP/f.json" 2>"$TMP/f.err"; then
    awk -f tests/e2e/golden_json.awk "$TMP/f.json" "$TMP/expect.txt"
    check "junheng check is clean on $d" "$JUNHENG" check -c $d/report.ini
    not_contains "no warning from check" "$TMP/.last" "warning"
else
    not_ok "junheng figures -c $d/report.ini failed"
    sed 's/^/#   /' "$TMP/f.err" | head -20
fi
