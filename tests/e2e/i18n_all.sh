#!/bin/sh
# Every error path under LANGUAGE=zh_CN speaks Chinese only: each run's output
# goes through tests/e2e/zh_only.py, which fails on two English words side by
# side once places, quoted values, options, paths, keys and code words are
# taken away.  And every command's --help exits 0.
. "$(dirname "$0")/../lib.sh"

O=$TMP/out
mkdir -p "$O"
W=$TMP/w
mkdir -p "$W"
n=0
zh() {  # run junheng ARGS under zh_CN; output kept for the checker
    n=$((n + 1))
    (cd "$W" && LANGUAGE=zh_CN LC_ALL=C.UTF-8 "$JUNHENG" "$@") >"$O/$n.txt" 2>&1
    echo "# junheng $*" >>"$O/$n.args"
}

# --- usage, help -----------------------------------------------------------
for c in report sheets figures check diff render; do
    LANGUAGE=zh_CN LC_ALL=C.UTF-8 "$JUNHENG" $c --help >"$O/help-$c.txt" 2>&1
    rc=$?
    [ $rc = 0 ] && ok "$c --help exits 0" || not_ok "$c --help exits $rc"
    zh $c --no-such-option
    zh $c
done
zh
zh --help
zh no-such-command
zh check --keys
zh check --keys pdf
zh sheets -c x.ini -j 0
zh diff -c a.ini -c b.ini -c c.ini
zh figures -c x.ini --format xml

# --- bad configurations and data --------------------------------------------
cp -r "$JH_TOP/tests/data" "$W/td"
cp -r "$JH_TOP/data/tongdao-2019" "$W/t"
sed -i 's|^output .*||' "$W/t/report.ini"
for ini in "$W"/td/bad/*.ini; do
    for c in check report sheets figures; do zh $c -c "$ini"; done
done
zh check -c "$W/no-such.ini"
zh check -c "$W"
# the messy INI habits, each in a copy of the Tongdao county
variant() {  # NAME SED-SCRIPT [CSV-SED-SCRIPT]
    mkdir -p "$W/$1"
    sed "$2" "$W/t/report.ini" >"$W/$1/report.ini"
    if [ $# -ge 3 ]; then sed "$3" "$W/t/schools.csv" >"$W/$1/schools.csv"; else cp "$W/t/schools.csv" "$W/$1/"; fi
    for c in check report; do zh $c -c "$W/$1/report.ini"; done
}
variant fullwidth 's/^county *= */county ＝ /'
variant colon 's/^year *= */year：/'
variant misplaced 's/^\[report\]/[report]\nscheme = quality/'
variant typo 's/^\[balance\]/[balanse]/'
variant nokey '/^county/d'
variant badyear 's/^year *=.*/year = 二〇一九/'
variant badscheme 's/^scheme *=.*/scheme = fancy/'
variant badratio 's/^teacher_ratio *=.*/teacher_ratio = 19/'
variant badrate 's/^qualified_teachers *=.*/qualified_teachers = 98/'
variant badnum 's/^site_area *=.*/site_area = 15平方米/'
variant negative 's/^labs *=.*/labs = -1/'
variant badcv 's/^primary_max_cv *=.*/primary_max_cv = 0/'
variant decimals 's/^\[balance\]/[display]\ncv = 12\n[balance]/'
variant badbool 's/^\[balance\]/[layout]\npage_numbers = maybe\n[balance]/'
variant area 's/^\[balance\]/[layout]\narea_width = 300\n[balance]/'
variant nofont 's/^\[balance\]/[fonts]\nbody = no-such.ttf\n[balance]/'
variant narrative '/^schools_new/d'
variant funding 's/^funding_2013 *=.*/funding_2013 = 六千/'
variant fundtotal 's/^funding_total *=.*/funding_total = 1/'
variant outdir 's|^\[report\]|[report]\noutput = .|'
variant emoji 's/^x//' '3s/^\([^,]*\),\([^,]*\),/\1,\2😀,/'
variant csvnum 's/^x//' '3s/^\([^,]*\),\([^,]*\),\([^,]*\),[^,]*,/\1,\2,\3,四十,/'
variant twice 's/^\(county *=.*\)/\1\n\1/'
variant nosection 's/^\[report\]//'
variant header 's/^\[report\]/[report/'
variant headertext 's/^\[report\]/[report] 报告/'
variant neither 's/^\[report\]/[report]\nthis line is wrong/'
variant template 's|^\[report\]|[templates]\nreport = no-such.md\n[report]|'
for t in "$W"/td/bad/templates/*.md; do
    variant "tpl-$(basename "$t" .md)" "s|^\\[report\\]|[templates]\\nreport = $t\\nsheet = $t\\n[report]|"
    zh sheets -c "$W/tpl-$(basename "$t" .md)/report.ini" -o "$W/s"
done
printf '\xff\xfe[\0' >"$W/utf16.ini"; zh check -c "$W/utf16.ini"
printf '[report]\ncounty = \xff\xff\n' >"$W/bytes.ini"; zh check -c "$W/bytes.ini"
# render
printf '# 标题\n\n<div>html</div>\n\n{{> table}}\n' >"$W/bad.md"
zh render "$W/bad.md" -o "$W/bad.pdf"
zh render "$W/none.md" -o "$W/none.pdf"
# diff
zh diff -c "$W/t/report.ini" --old-data "$W/none.csv"
zh diff -c "$W/t/report.ini" -c "$W/nokey/report.ini"

[ -n "${JH_KEEP:-}" ] && cp -r "$O" "$JH_KEEP"   # to read the outputs after the run
total=$(ls "$O"/*.txt | wc -l)
if python3 "$JH_TOP/tests/e2e/zh_only.py" "$O"/*.txt >"$TMP/english"; then
    ok "no English phrase in $total outputs under zh_CN"
else
    not_ok "English left under zh_CN ($(wc -l <"$TMP/english") line(s) in $total outputs)"
    sed 's/^/#   /' "$TMP/english" | head -80
fi

# the checker itself can fail: an English hint after 提示： is caught, a
# Chinese line with places, keys, quoted values and options is not
printf '  提示：replace the character in the school data\n' >"$TMP/en.txt"
check_fails "zh_only.py catches an English hint" python3 "$JH_TOP/tests/e2e/zh_only.py" "$TMP/en.txt"
printf 'a/report.ini:3: [report] county：“Fancy Name”不是 -c 的有效值（schools_new，U+1F600）\n' >"$TMP/zh.txt"
check "zh_only.py passes a Chinese line" python3 "$JH_TOP/tests/e2e/zh_only.py" "$TMP/zh.txt"
