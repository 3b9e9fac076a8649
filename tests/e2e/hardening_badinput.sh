#!/bin/sh
# Hardening: malformed inputs of every kind (CSV, INI, templates, fonts).
# Each case runs `junheng report` (or `sheets` where noted) with an output
# path, and must end with all of:
#   - exit code 1,
#   - a message naming the file and the place (FILE:LINE, or the INI line
#     that named a missing/unusable file),
#   - no output file (not even a temporary .NAME.XXXXXX beside it),
#   - no sanitizer report (the test build is ASan + UBSan).
# One "ok" line per case.  Big inputs (1 MB field, 100,000 rows, deep
# nesting) are generated here into $TMP, not committed.
# The existing tests/e2e/badinput.sh checks the wording of the common
# errors; this suite is about breadth and the four promises above.
. "$(dirname "$0")/../lib.sh"

T=data/tongdao-2019
BT=$JH_TOP/tests/data/bad/templates
W=$TMP/w
mkdir -p "$W"
# A good base: the Tongdao example without its [report] output line.
sed '/^output/d' $T/report.ini >"$W/base.ini"
cp $T/schools.csv "$W/schools.csv"

# --- helpers ----------------------------------------------------------------
# with_csv NAME: an INI in $W reading $W/NAME.csv
with_csv() { sed "s|^schools .*|schools = $1.csv|" "$W/base.ini" >"$W/$1.ini"; }
# ini_plus NAME TEXT: the base INI followed by TEXT (new sections)
ini_plus() { { cat "$W/base.ini"; printf '%s\n' "$2"; } >"$W/$1.ini"; }
# csv_edit NAME LINE FIELD VALUE: the base CSV with one field replaced
csv_edit() {
    awk -v L="$2" -v F="$3" -v V="$4" 'BEGIN{FS=OFS=","} NR==L{$F=V} {print}' "$W/schools.csv" >"$W/$1.csv"
    with_csv "$1"
}

# bad WHAT PLACE ARGS...: run junheng ARGS with -o $W/out/r.pdf; PLACE is a
# fixed string the message must contain (file and line / key).
bad() {
    what=$1; place=$2; shift 2
    rm -rf "$W/out"
    "$JUNHENG" "$@" -o "$W/out/r.pdf" >"$TMP/.out" 2>"$TMP/.err"
    rc=$?
    why=""
    [ "$rc" = 1 ] || why="$why exit $rc (want 1);"
    grep -qF -- "$place" "$TMP/.err" || why="$why no '$place' in the message;"
    [ -z "$(ls -A "$W/out" 2>/dev/null)" ] || why="$why left $(ls -A "$W/out" | tr '\n' ' ');"
    ! grep -qE 'Sanitizer|runtime error:' "$TMP/.err" || why="$why sanitizer report;"
    if [ -z "$why" ]; then ok "$what"; else
        not_ok "$what:$why"; head -c 1500 "$TMP/.err" | sed 's/^/#   /'
    fi
}
rep() { bad "$1" "$2" report -c "$3"; }

# --- CSV: every column error (line 3 is the second school) ------------------
csv_edit code-empty 3 1 "";              rep "CSV empty 学校代码" "code-empty.csv:3: column 'code'" "$W/code-empty.ini"
csv_edit name-empty 3 2 "";              rep "CSV empty 学校名称" "name-empty.csv:3: column 'name'" "$W/name-empty.ini"
csv_edit level 3 3 "高中";               rep "CSV unknown 学段" "level.csv:3: column 'level'" "$W/level.ini"
csv_edit students-text 3 4 "四十";       rep "CSV students not a number" "students-text.csv:3: column 'students'" "$W/students-text.ini"
csv_edit students-zero 3 4 "0";          rep "CSV students 0" "students-zero.csv:3: column 'students'" "$W/students-zero.ini"
csv_edit teachers-neg 3 5 "-3";          rep "CSV negative teachers" "teachers-neg.csv:3: column 'teachers'" "$W/teachers-neg.ini"
csv_edit qualified 3 6 "9999";           rep "CSV qualified above teachers" "qualified.csv:3: column 'qualified_teachers'" "$W/qualified.ini"
csv_edit above 3 7 "9999";               rep "CSV above-degree above teachers" "above.csv:3: column 'above_degree_teachers'" "$W/above.ini"
csv_edit senior 3 8 "9999";              rep "CSV senior above teachers" "senior.csv:3: column 'senior_title_teachers'" "$W/senior.ini"
csv_edit site 3 9 "约4万";               rep "CSV site area with words" "site.csv:3: column 'site_area'" "$W/site.ini"
csv_edit building 3 10 "-1";             rep "CSV negative building area" "building.csv:3: column 'building_area'" "$W/building.ini"
csv_edit teaching 3 11 "1e";             rep "CSV malformed teaching area" "teaching.csv:3: column 'teaching_area'" "$W/teaching.ini"
csv_edit sports 3 12 "NaN";              rep "CSV NaN sports area" "sports.csv:3: column 'sports_area'" "$W/sports.ini"
csv_edit equip 3 13 '"6,719,929"';       rep "CSV thousands separators" "equip.csv:3: column 'equipment_value'" "$W/equip.ini"
csv_edit books 3 14 "71985.5";           rep "CSV fractional books" "books.csv:3: column 'books'" "$W/books.ini"
csv_edit computers 3 15 "inf";           rep "CSV infinite computers" "computers.csv:3: column 'computers'" "$W/computers.ini"
csv_edit labs 3 16 "3间";                rep "CSV labs with a unit" "labs.csv:3: column 'labs'" "$W/labs.ini"
csv_edit rooms 3 17 "";                  rep "CSV empty function rooms" "rooms.csv:3: column 'function_rooms'" "$W/rooms.ini"
# beyond long: summing it was undefined behaviour (GCC's UBSan does not check
# float-to-integer casts; clang's, in tests/fuzz, does)
csv_edit toolarge 3 4 "99999999999999999999"; rep "CSV 10^20 students" "toolarge.csv:3: column 'students' (在校生数): 99999999999999999999 is too large" "$W/toolarge.ini"
csv_edit exponent 3 14 "1e30";           rep "CSV 1e30 books" "exponent.csv:3: column 'books'" "$W/exponent.ini"
csv_edit library 3 18 "可能";            rep "CSV library not yes/no" "library.csv:3: column 'library'" "$W/library.ini"
awk 'NR==3{sub(/,[^,]*$/, "")} {print}' "$W/schools.csv" >"$W/short.csv"; with_csv short
rep "CSV row with a field missing" "short.csv:3: the row has" "$W/short.ini"
awk 'NR==1{sub(/,图书册数/, "")} {print}' "$W/schools.csv" >"$W/nocol.csv"; with_csv nocol
rep "CSV column missing from the header" "nocol.csv:1: column 'books'" "$W/nocol.ini"
{ cat "$W/schools.csv"; sed -n 3p "$W/schools.csv"; } >"$W/dup.csv"; with_csv dup
rep "CSV duplicate school part" "dup.csv:" "$W/dup.ini"
{ head -n 3 "$W/schools.csv"; printf '4312300199,"未闭合的引号,小学,1\n'; } >"$W/quote.csv"; with_csv quote
rep "CSV unclosed quote" "quote.csv:4: malformed CSV" "$W/quote.ini"
head -n 1 "$W/schools.csv" >"$W/header-only.csv"; with_csv header-only
rep "CSV header without rows" "header-only.csv" "$W/header-only.ini"
: >"$W/empty.csv"; with_csv empty
rep "CSV empty file" "empty.csv" "$W/empty.ini"

# --- CSV: encodings and sizes -----------------------------------------------
# Excel's "Unicode text": UTF-16LE with a BOM, tab-separated
{ printf '\377\376'; tr ',' '\t' <"$W/schools.csv" | iconv -f UTF-8 -t UTF-16LE; } >"$W/u16.csv"; with_csv u16
rep "CSV UTF-16LE (Excel Unicode text)" "u16.csv:1: the file is UTF-16" "$W/u16.ini"
iconv -f UTF-8 -t UTF-16BE "$W/schools.csv" >"$W/u16be.csv"; with_csv u16be
rep "CSV UTF-16BE without BOM" "u16be.csv:1:" "$W/u16be.ini"
# GB18030 (as Excel saves it in China) with a name cut inside a two-byte character
iconv -f UTF-8 -t GB18030 "$W/schools.csv" | awk 'NR==5{sub(/,/, ",\201")} {print}' >"$W/gbcut.csv"; with_csv gbcut
rep "CSV truncated GB18030 character" "gbcut.csv:5: the file is neither UTF-8 nor GB18030" "$W/gbcut.ini"
iconv -f UTF-8 -t GB18030 "$W/schools.csv" >"$W/gbend.csv"; printf '\201' >>"$W/gbend.csv"; with_csv gbend
rep "CSV GB18030 ending mid-character" "gbend.csv:" "$W/gbend.ini"
sed 's/^schools .*/schools = gbcut.csv\nencoding = gb18030/;/^encoding = auto/d' "$W/base.ini" >"$W/gbforced.ini"
rep "CSV truncated GB18030, encoding = gb18030" "gbcut.csv:5:" "$W/gbforced.ini"
awk 'NR==4{sub(/,/, ",\001")} {print}' "$W/schools.csv" | tr '\001' '\000' >"$W/nul.csv"; with_csv nul
rep "CSV NUL byte" "nul.csv:4: the file contains NUL bytes" "$W/nul.ini"
# a 1 MB field: the message quotes it, but not all of it
python3 -c "
import sys
rows = open(sys.argv[1], encoding='utf-8').read().split('\\n')
f = rows[2].split(','); f[3] = 'x' * 1048576; rows[2] = ','.join(f)
open(sys.argv[2], 'w', encoding='utf-8').write('\\n'.join(rows))" "$W/schools.csv" "$W/mbfield.csv"
with_csv mbfield
rep "CSV 1 MB field" "mbfield.csv:3: column 'students'" "$W/mbfield.ini"
big=$(wc -c <"$TMP/.err")
[ "$big" -lt 4096 ] && ok "1 MB field is not echoed whole ($big bytes of messages)" || not_ok "1 MB field echoed: $big bytes of messages"
# 100,000 rows, one bad value on the last
awk 'NR==1{print; next} NR<=41{for (k = 0; k < 2564; k++) {$1 = sprintf("G%03d%06d", NR, k); print}}' FS=, OFS=, \
    "$W/schools.csv" >"$W/rows.csv"
echo "Z0000001,最后一所,小学,四十,3,3,2,1,900,300,150,200,20000,279,5,1,6,1" >>"$W/rows.csv"
n=$(wc -l <"$W/rows.csv"); with_csv rows
rep "CSV with $((n - 1)) rows, the last bad" "rows.csv:$n: column 'students'" "$W/rows.ini"
sed 's|^schools .*|schools = .|' "$W/base.ini" >"$W/csvdir.ini"
rep "CSV path is a folder" "/.: cannot read the school data" "$W/csvdir.ini"
sed 's|^schools .*|schools = no/such.csv|' "$W/base.ini" >"$W/csvnone.ini"
rep "CSV path does not exist" "no/such.csv" "$W/csvnone.ini"

# --- INI ----------------------------------------------------------------------
{ printf '\357\273\277'; sed 's/^year .*/year = 二〇一九/' "$W/base.ini"; } >"$W/bom.ini"
yl=$(grep -n '^year' "$W/base.ini" | cut -d: -f1)
rep "INI with BOM: error line not shifted" "bom.ini:$yl: [report] year" "$W/bom.ini"
iconv -f UTF-8 -t UTF-16 "$W/base.ini" >"$W/u16.ini"
rep "INI in UTF-16" "u16.ini:1: the file is UTF-16" "$W/u16.ini"
awk '/^\[report\]/{skip=1; next} /^\[/{skip=0} !skip' "$W/base.ini" >"$W/noreport.ini"
rep "INI without [report]" "noreport.ini: [report] county (县名) is missing" "$W/noreport.ini"
awk '/^\[standard.middle\]/{skip=1; next} /^\[/{skip=0} !skip' "$W/base.ini" >"$W/nomiddle.ini"
rep "INI without [standard.middle]" "nomiddle.ini: [standard.middle]" "$W/nomiddle.ini"
awk '/^\[data\]/{skip=1; next} /^\[/{skip=0} !skip' "$W/base.ini" >"$W/nodata.ini"
rep "INI without [data]" "nodata.ini: [data] schools" "$W/nodata.ini"
sed 's/^year .*/year = 二〇一九/' "$W/base.ini" >"$W/year.ini"
rep "INI year not a number" "year.ini:$yl: [report] year" "$W/year.ini"
# found by tests/fuzz/fuzz_ini: (long) of a 100-digit year was undefined behaviour
sed "s/^year .*/year = 2$(printf '1%.0s' $(seq 100))9/" "$W/base.ini" >"$W/bigyear.ini"
rep "INI 100-digit year" "bigyear.ini:$yl: [report] year" "$W/bigyear.ini"
sed 's/^year .*/year = 2019.5/' "$W/base.ini" >"$W/halfyear.ini"
rep "INI fractional year" "halfyear.ini:$yl: [report] year" "$W/halfyear.ini"
sed 's/^primary_max_cv.*/primary_max_cv = 零点六五/' "$W/base.ini" >"$W/cv.ini"
rep "INI max CV not a number" "cv.ini:$(grep -n '^primary_max_cv' "$W/base.ini" | cut -d: -f1): [balance] primary_max_cv" "$W/cv.ini"
sed '0,/^teacher_ratio.*/s//teacher_ratio = 1:0/' "$W/base.ini" >"$W/ratio.ini"
rep "INI ratio 1:0" "ratio.ini:$(grep -n '^teacher_ratio' "$W/base.ini" | head -1 | cut -d: -f1): [standard.primary] teacher_ratio" "$W/ratio.ini"
sed 's/^encoding .*/encoding = latin1/' "$W/base.ini" >"$W/enc.ini"
rep "INI unknown encoding" "enc.ini:$(grep -n '^encoding' "$W/base.ini" | cut -d: -f1): [data] encoding" "$W/enc.ini"
ini_plus display '[display]
cv = lots'
rep "INI [display] cv not a number" "display.ini:$(($(wc -l <"$W/base.ini") + 2)): [display] cv" "$W/display.ini"
python3 -c "print('a' * 1100)" >"$W/long"
ini_plus long "[narrative]
long_text = $(cat "$W/long")"
# a long line (and a value continued past 1,023 bytes) is read whole since
# the INI reader no longer goes through iniparser's 1,024-byte line buffer
check "INI line over 1,024 bytes is read" "$JUNHENG" check -c "$W/long.ini"
{ echo "county = 无节县"; cat "$W/base.ini"; } >"$W/nosec.ini"
rep "INI key before any section" "nosec.ini:1:1: key outside any [section]" "$W/nosec.ini"
{ cat "$W/base.ini"; echo "[fonts"; } >"$W/header.ini"
rep "INI unclosed section header" "header.ini:$(($(wc -l <"$W/base.ini") + 1)):1: section header without closing" "$W/header.ini"
{ cat "$W/base.ini"; printf '[x]\na = b\000c\n'; } >"$W/inul.ini"
rep "INI with a NUL byte" "inul.ini" "$W/inul.ini"
rep "INI path does not exist" "$W/no-such.ini: cannot open" "$W/no-such.ini"
mkdir -p "$W/inidir.ini"
rep "INI path is a folder" "$W/inidir.ini:" "$W/inidir.ini"

# --- templates: [templates] report = FILE -----------------------------------
tpl() {  # NAME FILE : an INI using FILE as the report template
    ini_plus "$1" "[templates]
report = $2"
}
tl=$(($(wc -l <"$W/base.ini") + 2))
tpl t-unclosed "$BT/unclosed.md";   rep "template: unclosed section" "unclosed.md:3:" "$W/t-unclosed.ini"
tpl t-unknown "$BT/unknown.md";     rep "template: unknown placeholder" "unknown.md:3:" "$W/t-unknown.ini"
tpl t-mismatch "$BT/mismatch.md";   rep "template: mismatched close" "mismatch.md:3:" "$W/t-mismatch.ini"
tpl t-html "$BT/html.md";           rep "template: raw HTML" "html.md:3:" "$W/t-html.ini"
tpl t-block "$BT/block.md";         rep "template: unknown computed block" "block.md:3:" "$W/t-block.ini"
tpl t-gbk "$BT/gbk.md";             rep "template: not UTF-8" "gbk.md:1:" "$W/t-gbk.ini"
tpl t-brace "$BT/brace.md";         rep "template: unclosed placeholder" "brace.md:3:" "$W/t-brace.ini"
python3 -c "print('# 深\n\n' + '{{#levels}}' * 20000 + 'x' + '{{/levels}}' * 20000)" >"$W/deep.md"
tpl t-deep "$W/deep.md";            rep "template: 20,000 nested sections" "deep.md:3:" "$W/t-deep.ini"
python3 -c "print('# 深\n\n' + '> ' * 5000 + 'x\n\n' + '- ' * 5000 + 'y')" >"$W/deepmd.md"
tpl t-deepmd "$W/deepmd.md";        rep "template: 5,000 nested quotes and lists" "deepmd.md:3:" "$W/t-deepmd.ini"
tpl t-none "$W/no-such.md";         rep "template: missing file" "no-such.md: cannot open the report template" "$W/t-none.ini"
tpl t-dir "$W";                     rep "template: a folder" "$W: cannot read the report template" "$W/t-dir.ini"

# --- fonts: [fonts] body = FILE[:INDEX] -------------------------------------
font() { ini_plus "$1" "[fonts]
body = $2"; }
font f-none "$W/no-such.ttf";       rep "font: missing file" "f-none.ini:$tl" "$W/f-none.ini"
font f-text "$W/schools.csv";       rep "font: not a font" "f-text.ini:$tl" "$W/f-text.ini"
font f-dir "$W";                    rep "font: a folder" "f-dir.ini:$tl" "$W/f-dir.ini"
: >"$W/empty.ttf"
font f-empty "$W/empty.ttf";        rep "font: empty file" "f-empty.ini:$tl" "$W/f-empty.ini"
UMING=/usr/share/fonts/truetype/arphic/uming.ttc
head -c 20000 $UMING >"$W/cut.ttc"
font f-cut "$W/cut.ttc";            rep "font: truncated collection" "f-cut.ini:$tl" "$W/f-cut.ini"
font f-index "$UMING:7";            rep "font: TTC index out of range" "f-index.ini:$tl" "$W/f-index.ini"
font f-negindex "$UMING:-1";        rep "font: negative TTC index" "f-negindex.ini:$tl" "$W/f-negindex.ini"
CFF=""
# fonts-ebgaramond (tools/deps.txt) is a small CFF font kept for this check
for f in /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc /usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf \
         $(find /usr/share/fonts -name '*.otf' 2>/dev/null | head -1); do
    [ -f "$f" ] && { CFF=$f; break; }
done
if [ -n "$CFF" ]; then
    font f-cff "$CFF";              rep "font: CFF-flavoured OpenType ($(basename "$CFF"))" "f-cff.ini:$tl" "$W/f-cff.ini"
    contains "font: the CFF refusal says why" "$TMP/.err" "CFF"
else
    echo "# skip: no CFF (OpenType .otf/.ttc) font installed to test the CFF refusal"
fi

# --- the same promises for sheets (one case each kind) ----------------------
bad "sheets: CSV error" "students-text.csv:3:" sheets -c "$W/students-text.ini" --combined "$W/out/s.pdf"
bad "sheets: font error" "f-text.ini:$tl" sheets -c "$W/f-text.ini" --combined "$W/out/s.pdf"
