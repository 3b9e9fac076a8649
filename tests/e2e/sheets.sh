#!/bin/sh
# junheng sheets: one PDF per school (or one combined PDF with a bookmark per
# school), each naming its school and what it lacks; --school; a school that
# cannot be set fails alone.
. "$(dirname "$0")/../lib.sh"

ini=data/tongdao-2019/report.ini
out=$TMP/sheets
check "sheets on the Tongdao example exit 0" "$JUNHENG" sheets -c $ini -o "$out" -j 2 --quiet
n=$(ls "$out"/*.pdf 2>/dev/null | wc -l)
[ "$n" -eq 36 ] && ok "36 sheets: 37 school parts, 思源实验学校 has two" || not_ok "36 sheets (got $n)"
ls -A "$out" | grep -q '^\.' && not_ok "temporary files left" || ok "no temporary files left"

bad=0
for f in "$out"/*.pdf; do
    name=$(basename "$f" .pdf | sed 's/^[0-9]*-//')
    pdftotext "$f" - 2>/dev/null | tr -d '\n' | grep -qF "$name" || { bad=1; echo "# $f does not name $name"; }
done
[ $bad -eq 0 ] && ok "every sheet names its school" || not_ok "every sheet names its school"

f1=$(ls "$out"/4312300101-*.pdf)
pdftotext "$f1" - 2>/dev/null | tr -d '\n' >"$TMP/f1.txt"
contains "the school below standard shows ×" "$TMP/f1.txt" "×"
contains "and how much it lacks" "$TMP/f1.txt" "校园占地面积6566平方米"
contains "and says what is missing" "$TMP/f1.txt" "该校尚有1项指标未达标：生均校地"
contains "the balance table compares with the county mean" "$TMP/f1.txt" "3.392"
[ "$(pdfinfo "$f1" 2>/dev/null | awk '/^Pages:/ {print $2}')" = 1 ] && ok "a school's sheet is one page" \
    || not_ok "a school's sheet is one page"
pdftotext "$(ls "$out"/4312300104-*.pdf)" - 2>/dev/null | tr -d '\n' >"$TMP/mixed.txt"
contains "a two-part school shows its 小学 part" "$TMP/mixed.txt" "小学部分"
contains "and its 初中 part on the same sheet" "$TMP/mixed.txt" "初中部分"
f2=$(ls "$out"/4312300102-*.pdf)
pdftotext "$f2" - 2>/dev/null | tr -d '\n' >"$TMP/f2.txt"
contains "a compliant school is told so" "$TMP/f2.txt" "该校各项指标全部达标"
not_contains "and shows no ×" "$TMP/f2.txt" "×"
contains "but √" "$TMP/f2.txt" "√"

check "--combined exits 0" "$JUNHENG" sheets -c $ini --combined "$TMP/all.pdf" --quiet
t=$(qpdf --json --json-key=outlines "$TMP/all.pdf" 2>/dev/null | grep -c '"title"')
[ "$t" -eq 36 ] && ok "the combined PDF has one outline entry per school" || not_ok "outline entries: $t, want 36"
qpdf --json --json-key=outlines "$TMP/all.pdf" 2>/dev/null | grep -qF '"title": "4312300101 县第一完全小学"' \
    && ok "an outline entry names code and school" || not_ok "an outline entry names code and school"

check "--school restricts to one school" "$JUNHENG" sheets -c $ini -o "$TMP/one" --school 4312300101 --quiet
[ "$(ls "$TMP/one" | wc -l)" -eq 1 ] && ok "exactly one sheet written" || not_ok "exactly one sheet written"
"$JUNHENG" sheets -c $ini -o "$TMP/none" --school 999 2>"$TMP/err.txt"
[ $? -eq 1 ] && ok "an unknown --school code exits 1" || not_ok "an unknown --school code exits 1"
contains "and names the code" "$TMP/err.txt" "--school 999"

# one school whose name no font can draw: it fails alone
mkdir -p "$TMP/odd"
sed -e 's#^schools *=.*#schools = schools.csv#' $ini >"$TMP/odd/report.ini"
sed -e 's/^4312300102,县第二完全小学,/4312300102,县第二完全小学😀,/' data/tongdao-2019/schools.csv >"$TMP/odd/schools.csv"
"$JUNHENG" sheets -c "$TMP/odd/report.ini" -o "$TMP/odd/out" --quiet 2>"$TMP/err.txt"
[ $? -eq 1 ] && ok "a school that cannot be set makes the exit code 1" || not_ok "exit code 1 when a school fails"
contains "the failure names the school's code" "$TMP/err.txt" "school 4312300102"
contains "and the character" "$TMP/err.txt" "U+1F600"
n=$(ls "$TMP/odd/out"/*.pdf 2>/dev/null | wc -l)
[ "$n" -eq 35 ] && ok "the other 35 sheets are written" || not_ok "the other sheets are written (got $n)"
ls "$TMP/odd/out" | grep -q "4312300102" && not_ok "no file for the failed school" || ok "no file for the failed school"

# a heading is never left alone at the foot of a page: 明德学校's 初中 part
# does not fit under its 小学 part, so its heading opens page 2
"$JUNHENG" sheets -c data/sample-county/report.ini -o "$TMP/qh" --school QH103 --quiet
pdftotext -f 2 -l 2 "$TMP/qh/QH103-明德学校.pdf" - 2>/dev/null | head -1 | grep -q "^初中部分" \
    && ok "the 初中 heading moves to the page of its table" || not_ok "the 初中 heading moves to the page of its table"
