#!/bin/sh
# Hardening (#16 item 6): outputs.
#   - an unwritable sheets folder is one error, found before the work (not
#     one per school);
#   - a full disk says "No space left on device" (a 64 KB tmpfs, when this
#     machine lets us mount one) and leaves nothing behind;
#   - a device as the output path is refused, not replaced;
#   - output files are created with the umask respected.
. "$(dirname "$0")/../lib.sh"

T=data/tongdao-2019/report.ini
cleanup() { chattr -i "$TMP/ro" 2>/dev/null; umount "$TMP/full" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT

# --- umask
( umask 027; "$JUNHENG" report -c $T -o "$TMP/u027/r.pdf" -q )
check "umask 027: the report is rw-r----- (640)" test "$(stat -c %a "$TMP/u027/r.pdf")" = 640
( umask 002; "$JUNHENG" report -c $T -o "$TMP/u002/r.pdf" -q )
check "umask 002: the report is rw-rw-r-- (664)" test "$(stat -c %a "$TMP/u002/r.pdf")" = 664
( umask 077; "$JUNHENG" sheets -c $T -o "$TMP/s077" -j 2 -q )
f=$(ls "$TMP/s077"/*.pdf | head -1)
check "umask 077: a sheet is rw------- (600)" test "$(stat -c %a "$f")" = 600
( umask 022; "$JUNHENG" sheets -c $T --combined "$TMP/c022.pdf" -q )
check "umask 022: the combined sheets are rw-r--r-- (644)" test "$(stat -c %a "$TMP/c022.pdf")" = 644

# --- a device is never an output
"$JUNHENG" report -c $T -o /dev/full >"$TMP/.out" 2>"$TMP/.err"
check "report -o /dev/full: exit 1" test $? = 1
contains "report -o /dev/full: refused as not an ordinary file" "$TMP/.err" "not an ordinary file"
check "/dev/full is still a device" test -c /dev/full

# --- an unwritable folder: one error, before the work
cc -O2 -o "$TMP/gen_county" tools/gen_county.c || exit 1
"$TMP/gen_county" 2000 "$TMP/big" >/dev/null || exit 1
mkdir -p "$TMP/ro"
ro=""
if [ "$(id -u)" != 0 ]; then chmod 555 "$TMP/ro" && ro=chmod
elif chattr +i "$TMP/ro" 2>/dev/null; then ro=chattr
fi
if [ -n "$ro" ]; then
    timeout 120 "$JUNHENG" sheets -c "$TMP/big/report.ini" -o "$TMP/ro" -j 2 -q >"$TMP/.out" 2>"$TMP/.err"
    check "sheets into an unwritable folder ($ro): exit 1" test $? = 1
    n=$(wc -l <"$TMP/.err")
    check "... $n line(s) of messages for 2,000 schools (at most 3)" test "$n" -le 3
    contains "... naming the folder" "$TMP/.err" "$TMP/ro"
    contains "... with the system's reason" "$TMP/.err" "cannot write in folder"
    timeout 120 "$JUNHENG" report -c "$T" -o "$TMP/ro/r.pdf" -q >"$TMP/.out" 2>"$TMP/.err"
    check "report into an unwritable folder: exit 1" test $? = 1
    contains "... said before the work" "$TMP/.err" "cannot write in folder"
    check "... nothing in it" test -z "$(ls -A "$TMP/ro")"
    [ $ro = chattr ] && chattr -i "$TMP/ro"
else
    echo "# skip: cannot make a folder read-only here"
fi

# --- a full disk
mkdir -p "$TMP/full"
if mount -t tmpfs -o size=64k tmpfs "$TMP/full" 2>/dev/null; then
    "$JUNHENG" report -c $T -o "$TMP/full/r.pdf" >"$TMP/.out" 2>"$TMP/.err"
    check "report onto a full disk: exit 1" test $? = 1
    contains "report onto a full disk: says so" "$TMP/.err" "No space left on device"
    check "report onto a full disk: nothing left" test -z "$(ls -A "$TMP/full")"
    "$JUNHENG" sheets -c $T --combined "$TMP/full/s.pdf" >"$TMP/.out" 2>"$TMP/.err"
    contains "sheets --combined onto a full disk: says so" "$TMP/.err" "No space left on device"
    check "sheets --combined onto a full disk: nothing left" test -z "$(ls -A "$TMP/full")"
    "$JUNHENG" sheets -c $T -o "$TMP/full/s" -j 2 >"$TMP/.out" 2>"$TMP/.err"
    check "sheets onto a full disk: exit 1" test $? = 1
    contains "sheets onto a full disk: says so" "$TMP/.err" "No space left on device"
    check "sheets onto a full disk: no temporary file left" test -z "$(find "$TMP/full" -name '.*' -type f)"
    LANGUAGE=zh_CN "$JUNHENG" report -c $T -o "$TMP/full/r.pdf" >"$TMP/.out" 2>"$TMP/.err"
    contains "zh_CN: said in Chinese" "$TMP/.err" "无法写入"
    umount "$TMP/full"
else
    echo "# skip: cannot mount a small tmpfs here (not root, or no CAP_SYS_ADMIN)"
fi
