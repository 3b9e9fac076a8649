#!/bin/sh
# Hardening (#16 item 2): an output that is one of the inputs — the INI, the
# school data, a template, a font, the Markdown source; by the same path,
# another spelling, a symbolic or a hard link — is refused before any work:
# exit 1, a message naming both, the input byte for byte unchanged.
. "$(dirname "$0")/../lib.sh"

T=data/tongdao-2019
W=$TMP/w
mkdir -p "$W"
sed '/^output/d' $T/report.ini >"$W/r.ini"
cp $T/schools.csv "$W/schools.csv"
cp templates/report.md "$W/report.md"
cp templates/sheet.md "$W/sheet.md"
cp /usr/share/fonts/truetype/arphic/uming.ttc "$W/body.ttc"
printf '[templates]\nreport = report.md\nsheet = sheet.md\n[fonts]\nbody = body.ttc:0\n' >>"$W/r.ini"
ln -s schools.csv "$W/link.csv"
ln "$W/schools.csv" "$W/hard.csv"
printf '# 标题\n\n正文。\n' >"$W/doc.md"
mkdir -p "$W/keep"
for f in r.ini schools.csv report.md sheet.md body.ttc doc.md; do cp "$W/$f" "$W/keep/$f"; done

# refused WHAT INPUT TEXT ARGS...: exit 1, stderr has TEXT and INPUT's name, INPUT unchanged
refused() {
    what=$1; input=$2; text=$3; shift 3
    timeout 120 "$JUNHENG" "$@" >"$TMP/.out" 2>"$TMP/.err"
    rc=$?
    if [ $rc -ne 1 ]; then not_ok "$what: exit $rc (want 1)"; sed 's/^/#   /' "$TMP/.err" | head -5; return; fi
    if ! grep -qF -- "$text" "$TMP/.err"; then not_ok "$what: '$text' not in the message"; sed 's/^/#   /' "$TMP/.err" | head -5; return; fi
    if ! cmp -s "$W/$input" "$W/keep/$input"; then not_ok "$what: $input was changed"; return; fi
    if ls -a "$W" | grep -q '^\..*\.[A-Za-z0-9]\{6\}$'; then not_ok "$what: a temporary file was left"; return; fi
    ok "$what"
}

refused "report -o the INI" r.ini "the configuration" report -c "$W/r.ini" -o "$W/r.ini"
refused "report -o the school data" schools.csv "the school data" report -c "$W/r.ini" -o "$W/schools.csv"
refused "report -o the school data: both named" schools.csv "$W/schools.csv" report -c "$W/r.ini" -o "$W/./schools.csv"
refused "report -o a symbolic link to the data" schools.csv "the school data" report -c "$W/r.ini" -o "$W/link.csv"
refused "report -o a hard link to the data" schools.csv "the school data" report -c "$W/r.ini" -o "$W/hard.csv"
refused "report -o the data by another spelling" schools.csv "the school data" report -c "$W/r.ini" -o "$W/../w/schools.csv"
refused "report -o the report template" report.md "the report template" report -c "$W/r.ini" -o "$W/report.md"
refused "report -o a font" body.ttc "a font" report -c "$W/r.ini" -o "$W/body.ttc"
refused "sheets --combined the sheet template" sheet.md "the sheet template" sheets -c "$W/r.ini" --combined "$W/sheet.md"
refused "sheets --combined the INI" r.ini "the configuration" sheets -c "$W/r.ini" --combined "$W/r.ini"
refused "figures -o the school data" schools.csv "the school data" figures -c "$W/r.ini" --format csv -o "$W/schools.csv"
refused "figures -o the INI" r.ini "the configuration" figures -c "$W/r.ini" -o "$W/r.ini"
refused "render -o its Markdown source" doc.md "the document" render "$W/doc.md" -o "$W/doc.md"
refused "render -o its INI" r.ini "the configuration" render "$W/doc.md" -c "$W/r.ini" -o "$W/r.ini"
# sheets into a folder where a sheet's file name is an input (a hard link to the CSV)
mkdir -p "$W/sh"
"$JUNHENG" sheets -c "$W/r.ini" -o "$W/sh0" -j 1 -q >/dev/null 2>&1
one=$(ls "$W/sh0" | head -1)
ln "$W/schools.csv" "$W/sh/$one"
refused "sheets -o DIR where a sheet would replace the data" schools.csv "the school data" sheets -c "$W/r.ini" -o "$W/sh" -j 1

LANGUAGE=zh_CN "$JUNHENG" report -c "$W/r.ini" -o "$W/schools.csv" >"$TMP/.out" 2>"$TMP/.err"
contains "zh_CN: refused in Chinese" "$TMP/.err" "同一个文件"
check "an output elsewhere is still written" "$JUNHENG" report -c "$W/r.ini" -o "$W/out.pdf" -q
