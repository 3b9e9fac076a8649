#!/bin/sh
# Hardening (#16 item 5): only regular files are read, each kind up to its
# cap (src/common/fileio.c).  A FIFO, a device or a folder given as the INI,
# the school data, a template, a Markdown source or a font is refused at once
# (`timeout` turns a read that blocks or never ends into a failure), exit 1,
# with a message naming the path and what it is; no output is written.
. "$(dirname "$0")/../lib.sh"

T=data/tongdao-2019
W=$TMP/w
mkdir -p "$W"
sed '/^output/d' $T/report.ini >"$W/base.ini"
cp $T/schools.csv "$W/schools.csv"
mkfifo "$W/fifo"
mkdir "$W/folder"

# refused WHAT TEXT ARGS...: junheng ARGS exits 1 within 60 s, stderr has TEXT, no PDF
refused() {
    what=$1; text=$2; shift 2
    rm -rf "$W/out"
    timeout 60 "$JUNHENG" "$@" >"$TMP/.out" 2>"$TMP/.err"
    rc=$?
    if [ $rc -ne 1 ]; then not_ok "$what: exit $rc (want 1)"; sed 's/^/#   /' "$TMP/.err" | head -5; return; fi
    if ! grep -qF -- "$text" "$TMP/.err"; then not_ok "$what: '$text' not in the message"; sed 's/^/#   /' "$TMP/.err" | head -5; return; fi
    if [ -e "$W/out" ]; then not_ok "$what: something was written"; return; fi
    ok "$what"
}
# ini_with NAME SED: the base INI edited by SED
ini_with() { sed "$2" "$W/base.ini" >"$W/$1.ini"; }
# ini_plus NAME TEXT: the base INI followed by TEXT
ini_plus() { { cat "$W/base.ini"; printf '%s\n' "$2"; } >"$W/$1.ini"; }

ini_with zero 's|^schools .*|schools = /dev/zero|'
refused "schools = /dev/zero" "it is a device" report -c "$W/zero.ini" -o "$W/out/r.pdf"
refused "schools = /dev/zero names the path" "/dev/zero" report -c "$W/zero.ini" -o "$W/out/r.pdf"
ini_with fifo 's|^schools .*|schools = fifo|'
refused "schools = a FIFO" "FIFO" report -c "$W/fifo.ini" -o "$W/out/r.pdf"
ini_with folder 's|^schools .*|schools = folder|'
refused "schools = a folder" "folder" check -c "$W/folder.ini"
refused "-c a FIFO" "FIFO" report -c "$W/fifo" -o "$W/out/r.pdf"
refused "-c /dev/zero" "device" check -c /dev/zero

ini_plus tplfifo '[templates]
report = fifo
sheet = fifo'
refused "report template = a FIFO" "FIFO" report -c "$W/tplfifo.ini" -o "$W/out/r.pdf"
refused "sheet template = a FIFO" "FIFO" sheets -c "$W/tplfifo.ini" -o "$W/out"
ini_plus tplzero '[templates]
report = /dev/zero'
refused "report template = /dev/zero" "device" report -c "$W/tplzero.ini" -o "$W/out/r.pdf"
ini_plus fontfifo '[fonts]
body = fifo'
refused "font = a FIFO" "FIFO" report -c "$W/fontfifo.ini" -o "$W/out/r.pdf"
ini_plus fontzero '[fonts]
body = /dev/zero'
refused "font = /dev/zero" "device" report -c "$W/fontzero.ini" -o "$W/out/r.pdf"
refused "render a FIFO" "FIFO" render "$W/fifo" -o "$W/out/r.pdf"
refused "render /dev/zero" "device" render /dev/zero -o "$W/out/r.pdf"
refused "render a folder" "folder" render "$W/folder" -o "$W/out/r.pdf"

# --- caps: one byte over is refused with the size and the cap
head -c $((1024 * 1024 + 1)) /dev/zero | tr '\0' ';' >"$W/big.ini"
refused "INI over 1 MB" "at most 1 MB" check -c "$W/big.ini"
# a sparse file: 200 MB + 1 byte without writing them
truncate -s $((200 * 1024 * 1024 + 1)) "$W/big.csv"
ini_with bigcsv 's|^schools .*|schools = big.csv|'
refused "data over 200 MB" "at most 200 MB" check -c "$W/bigcsv.ini"
truncate -s $((16 * 1024 * 1024 + 1)) "$W/big.md"
refused "Markdown over 16 MB" "at most 16 MB" render "$W/big.md" -o "$W/out/r.pdf"
ini_plus bigtpl '[templates]
report = big.md'
refused "template over 16 MB" "at most 16 MB" report -c "$W/bigtpl.ini" -o "$W/out/r.pdf"
truncate -s $((256 * 1024 * 1024 + 1)) "$W/big.ttf"
ini_plus bigfont '[fonts]
body = big.ttf'
refused "font over 256 MB" "at most 256 MB" report -c "$W/bigfont.ini" -o "$W/out/r.pdf"

# --- in Chinese too
LANGUAGE=zh_CN timeout 60 "$JUNHENG" check -c "$W/zero.ini" >"$TMP/.out" 2>"$TMP/.err"
contains "zh_CN: a device is named in Chinese" "$TMP/.err" "设备"
LANGUAGE=zh_CN timeout 60 "$JUNHENG" check -c "$W/big.ini" >"$TMP/.out" 2>"$TMP/.err"
contains "zh_CN: the cap in Chinese" "$TMP/.err" "过大"
