#!/bin/sh
# Hardening: output safety.  Outputs are written to a temporary file beside
# the target (.NAME.XXXXXX) and renamed into place, so:
#   - an output path inside missing folders creates them;
#   - a read-only target folder, a folder given as the output path, or a
#     parent that is a file fail with exit 1, a message naming the path, and
#     no temporary file left;
#   - SIGINT during `sheets` (per file and --combined) on a big generated
#     county leaves no temporary files, and every PDF left is complete.
. "$(dirname "$0")/../lib.sh"

T=data/tongdao-2019/report.ini
RO="$TMP/ro"
# an immutable folder must lose its flag before lib.sh's rm -rf
trap 'chattr -i "$RO" 2>/dev/null; rm -rf "$TMP"' EXIT

temps() { find "$1" -name '.*.??????' 2>/dev/null | head -5; }

# --- missing folders are created
check "output inside missing folders: exit 0" "$JUNHENG" report -c $T -o "$TMP/a/b/c/r.pdf"
check "output inside missing folders: the PDF is there" test -s "$TMP/a/b/c/r.pdf"
check "sheets -o into a missing folder" "$JUNHENG" sheets -c $T -o "$TMP/d/e" -j 2
check "sheets wrote every school into it" test "$(ls "$TMP/d/e" | grep -c '\.pdf$')" -gt 20

# --- failures: exit 1, the path named, nothing left behind
fails1() {  # what place args...
    what=$1; place=$2; shift 2
    "$JUNHENG" "$@" >"$TMP/.out" 2>"$TMP/.err"
    rc=$?
    why=""
    [ "$rc" = 1 ] || why="$why exit $rc (want 1);"
    grep -qF -- "$place" "$TMP/.err" || why="$why no '$place' in the message;"
    ! grep -qE 'Sanitizer|runtime error:' "$TMP/.err" || why="$why sanitizer report;"
    if [ -z "$why" ]; then ok "$what"; else not_ok "$what:$why"; sed 's/^/#   /' "$TMP/.err" | head -10; fi
}

mkdir -p "$RO"
ro=""
if [ "$(id -u)" != 0 ]; then
    chmod 555 "$RO" && ro=chmod
elif chattr +i "$RO" 2>/dev/null; then
    ro=chattr   # root ignores permission bits; an immutable folder stops even root
fi
if [ -n "$ro" ]; then
    fails1 "read-only folder ($ro): report" "$RO/r.pdf" report -c $T -o "$RO/r.pdf"
    check "read-only folder: nothing left in it" test -z "$(ls -A "$RO")"
    fails1 "read-only folder ($ro): sheets --combined" "$RO/s.pdf" sheets -c $T --combined "$RO/s.pdf"
    fails1 "read-only folder ($ro): sheets -o" "$RO" sheets -c $T -o "$RO"
    check "read-only folder: still nothing in it" test -z "$(ls -A "$RO")"
    fails1 "read-only folder ($ro): a missing folder under it" "$RO/new" report -c $T -o "$RO/new/r.pdf"
    [ "$ro" = chattr ] && chattr -i "$RO"
else
    echo "# skip: running as root without CAP_LINUX_IMMUTABLE, cannot make a folder read-only"
fi

mkdir -p "$TMP/isdir"
fails1 "output path is a folder: report" "$TMP/isdir" report -c $T -o "$TMP/isdir"
fails1 "output path is a folder: sheets --combined" "$TMP/isdir" sheets -c $T --combined "$TMP/isdir"
check "the folder is left empty" test -z "$(ls -A "$TMP/isdir")"
echo x >"$TMP/afile"
fails1 "a parent of the output is a file" "$TMP/afile" report -c $T -o "$TMP/afile/r.pdf"
fails1 "sheets -o names a file" "$TMP/afile" sheets -c $T -o "$TMP/afile"
check "the file is untouched" test "$(cat "$TMP/afile")" = x

# --- SIGINT on a big county: no temporary files, every PDF complete
cc -O2 -o "$TMP/gen_county" tools/gen_county.c || exit 1
"$TMP/gen_county" 400 "$TMP/big" || exit 1
"$TMP/gen_county" 3000 "$TMP/huge" || exit 1
# font subsets go to TMPDIR: an interrupted run must not leave them either
export TMPDIR="$TMP/tmpdir"
mkdir -p "$TMPDIR"
interrupt() {  # what outdir tenths args...  (SIGINT once a file exists in outdir,
               # or after `tenths` tenths of a second)
    what=$1; dir=$2; limit=$3; shift 3
    "$JUNHENG" "$@" >"$TMP/.out" 2>"$TMP/.err" &
    pid=$!
    n=0
    # wait until the writing pass has started (a file, final or temporary, exists)
    while [ $n -lt "$limit" ] && [ -z "$(ls -A "$dir" 2>/dev/null)" ] && kill -0 $pid 2>/dev/null; do
        sleep 0.1; n=$((n + 1))
    done
    sleep 0.3
    kill -INT $pid 2>/dev/null
    wait $pid
    rc=$?
    [ "$rc" != 0 ] && ok "$what: SIGINT stops it (exit $rc)" || not_ok "$what: finished before SIGINT (exit 0)"
    left=$(temps "$dir")
    [ -z "$left" ] && ok "$what: no temporary files left" || not_ok "$what: left $left"
    left=$(ls -A "$TMPDIR")
    [ -z "$left" ] && ok "$what: nothing left in TMPDIR" || not_ok "$what: left in TMPDIR: $left"
}
interrupt "sheets per file" "$TMP/big/out" 600 sheets -c "$TMP/big/report.ini" -o "$TMP/big/out" -j 2
bad=0
for f in "$TMP/big/out"/*.pdf; do
    [ -f "$f" ] || continue
    tail -c 1024 "$f" | grep -q '%%EOF' || { bad=$((bad + 1)); echo "# incomplete: $f"; }
done
[ $bad = 0 ] && ok "sheets per file: every PDF left ends with %%EOF ($(ls "$TMP/big/out" | wc -l) files)" \
             || not_ok "sheets per file: $bad incomplete PDF(s)"
mkdir -p "$TMP/huge/comb"
interrupt "sheets --combined" "$TMP/huge/comb" 10 sheets -c "$TMP/huge/report.ini" --combined "$TMP/huge/comb/all.pdf"
check "sheets --combined: no combined PDF" test ! -e "$TMP/huge/comb/all.pdf"
