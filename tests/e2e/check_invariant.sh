#!/bin/sh
# `check` tells the whole truth: over every INI in tests/data and data/, and
# over a messy set made here the way Notepad, WPS and Excel leave files,
#   check exits 0  <=>  report and sheets (with their default outputs) exit 0,
# and none of the three crashes (exit 0 or 1 only; a signal or a sanitizer's
# exit code 99 is a failure).  Each messy case also says what check must name.
. "$(dirname "$0")/../lib.sh"

W=$TMP/w
mkdir -p "$W"
cp -r tests/data "$W/tests-data"
cp -r data "$W/data"
T=$W/data/tongdao-2019

# run NAME INI: check, report and sheets from $W (their default outputs land there)
run3() {
    name=$1; ini=$2
    (cd "$W" && "$JUNHENG" check -q -c "$ini" >"$TMP/$name.check" 2>&1); rc=$?
    (cd "$W" && "$JUNHENG" report -q -c "$ini" >"$TMP/$name.report" 2>&1); rr=$?
    (cd "$W" && "$JUNHENG" sheets -q -j 1 -c "$ini" >"$TMP/$name.sheets" 2>&1); rs=$?
    why=""
    for x in "check:$rc" "report:$rr" "sheets:$rs"; do
        case ${x#*:} in 0|1) ;; *) why="$why ${x%%:*} crashed (exit ${x#*:});" ;; esac
    done
    if [ "$rc" = 0 ] && { [ "$rr" != 0 ] || [ "$rs" != 0 ]; }; then
        why="$why check said ok but report exited $rr, sheets $rs;"
    fi
    if [ "$rc" != 0 ] && [ "$rr" = 0 ] && [ "$rs" = 0 ]; then
        why="$why check exited $rc but report and sheets succeeded;"
    fi
    if [ -z "$why" ]; then ok "$name: check $rc, report $rr, sheets $rs"
    else
        not_ok "$name:$why"
        sed 's/^/#   check: /' "$TMP/$name.check" | head -8
        sed 's/^/#   report: /' "$TMP/$name.report" | head -5
        sed 's/^/#   sheets: /' "$TMP/$name.sheets" | head -5
    fi
}
# says NAME TEXT: check's output for NAME names TEXT
says() { contains "$1: check names $2" "$TMP/$1.check" "$2"; }

# --- every input that ships ---------------------------------------------------
for ini in $(cd "$W" && ls tests-data/*/*.ini data/*/*.ini); do
    run3 "$(echo "$ini" | tr '/' '_')" "$ini"
done

# --- a messy set ---------------------------------------------------------------
mess() {  # NAME: a copy of the Tongdao county in $W/NAME/, INI at $W/NAME/report.ini
    rm -rf "$W/$1"; mkdir -p "$W/$1"
    cp "$T/schools.csv" "$W/$1/"
    sed 's|^output .*||' "$T/report.ini" >"$W/$1/report.ini"
}

mess narrative; sed -i '/^schools_new /d' "$W/narrative/report.ini"
run3 narrative narrative/report.ini; says narrative "schools_new"

mess gbini; iconv -f UTF-8 -t GB18030 "$T/report.ini" | sed 's|^output .*||' >"$W/gbini/report.ini"
run3 gbini gbini/report.ini

mess emoji; sed -i '2s/^\([^,]*\),\([^,]*\),/\1,\2😀,/' "$W/emoji/schools.csv"
run3 emoji emoji/report.ini; says emoji "(U+1F600)"; says emoji "schools.csv:2"

mess ext_b; sed -i '3s/^\([^,]*\),\([^,]*\),/\1,\2𠀀,/' "$W/ext_b/schools.csv"
run3 ext_b ext_b/report.ini; says ext_b "(U+20000)"; says ext_b "schools.csv:3"

mess nofont; printf '[fonts]\nbody = no-such-font.ttf\n' >>"$W/nofont/report.ini"
run3 nofont nofont/report.ini; says nofont "no-such-font.ttf"

mess outdir; mkdir -p "$W/outdir/pdf"; sed -i 's|^\[report\]|[report]\noutput = pdf|' "$W/outdir/report.ini"
run3 outdir outdir/report.ini; says outdir "is a folder"

mess sheetsfile; mkdir -p "$W/out"; county=$(sed -n 's/^county *= *//p' "$T/report.ini")
rm -rf "$W/out/$county-2019-sheets"; : >"$W/out/$county-2019-sheets"
run3 sheetsfile sheetsfile/report.ini; says sheetsfile "is a file"
rm -f "$W/out/$county-2019-sheets"

mess fullwidth; sed -i 's/^county *= */county ＝ /; s/^year *= */year：/' "$W/fullwidth/report.ini"
run3 fullwidth fullwidth/report.ini; says fullwidth "'＝' between key and value read as '='"

mess winpath; mkdir -p "$W/winpath/data"; mv "$W/winpath/schools.csv" "$W/winpath/data/"
sed -i 's|^schools *=.*|schools = data\\schools.csv|' "$W/winpath/report.ini"
run3 winpath winpath/report.ini; says winpath "read as 'data/schools.csv'"

mess utf16; iconv -f UTF-8 -t UTF-16 "$T/report.ini" >"$W/utf16/report.ini"
run3 utf16 utf16/report.ini; says utf16 "UTF-16"

mess longvalue; { printf '[narrative]\nlong_note = '; i=0; while [ $i -lt 60 ]; do printf '全县义务教育持续均衡发展，\\\n  '; i=$((i + 1)); done; printf '完。\n'; } >>"$W/longvalue/report.ini"
run3 longvalue longvalue/report.ini

mess badtemplate; printf '# {{county}}\n\n{{#nosuch}}x\n' >"$W/badtemplate/t.md"
sed -i 's|^\[report\]|[templates]\nreport = t.md\n\n[report]|' "$W/badtemplate/report.ini"
run3 badtemplate badtemplate/report.ini; says badtemplate "t.md:3"

mess tplglyph; printf '# {{county}}\n\n报告 😀\n' >"$W/tplglyph/t.md"
sed -i 's|^\[report\]|[templates]\nreport = t.md\n\n[report]|' "$W/tplglyph/report.ini"
run3 tplglyph tplglyph/report.ini; says tplglyph "U+1F600"

mess titleglyph; sed -i 's|^title *=.*|title = 报告😀|' "$W/titleglyph/report.ini"
run3 titleglyph titleglyph/report.ini; says titleglyph "[report] title: character"

mess narrglyph; sed -i 's|^\[narrative\]|[narrative]\nmotto = 均衡😀|' "$W/narrglyph/report.ini"
run3 narrglyph narrglyph/report.ini; says narrglyph "[narrative] motto: character"

mess misplaced; sed -i 's|^\[report\]|[report]\nscheme = quality|' "$W/misplaced/report.ini"
run3 misplaced misplaced/report.ini; says misplaced "belongs in [balance]"
