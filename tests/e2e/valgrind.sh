#!/bin/sh
# Memcheck: the release ./junheng (not the ASan build tests/run.sh exports)
# under valgrind for `report` and `sheets --combined` on the Tongdao example,
# `report` and per-file `sheets` on the sample county, and one failing run
# (a template error: the error paths must free too).  Zero memcheck errors
# and zero definite or indirect leaks; still-reachable memory held by the
# libraries (libharu, HarfBuzz, fontconfig) is not counted.
. "$(dirname "$0")/../lib.sh"

BIN=$JH_TOP/junheng
if ! command -v valgrind >/dev/null; then
    not_ok "valgrind is not installed (tools/deps.txt lists it; run make deps)"
    exit 0
fi
[ -x "$BIN" ] || { not_ok "no release binary $BIN (make junheng)"; exit 0; }

vg() {  # what expected-exit args...
    what=$1; want=$2; shift 2
    valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=42 \
        --log-file="$TMP/vg.log" "$BIN" "$@" >"$TMP/.out" 2>"$TMP/.err"
    rc=$?
    errs=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$TMP/vg.log" | tail -1)
    def=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$TMP/vg.log" | tail -1)
    ind=$(sed -n 's/.*indirectly lost: \([0-9,]*\) bytes.*/\1/p' "$TMP/vg.log" | tail -1)
    if [ "$rc" = "$want" ] && [ "${errs:-x}" = 0 ] && [ "${def:-0}" = 0 ] && [ "${ind:-0}" = 0 ]; then
        ok "valgrind $what: exit $rc, 0 errors, 0 definitely/indirectly lost"
    else
        not_ok "valgrind $what: exit $rc (want $want), errors ${errs:-?}, definitely lost ${def:-0}, indirectly lost ${ind:-0}"
        grep -v '^==[0-9]*== *$' "$TMP/vg.log" | head -40 | sed 's/^/#   /'
        head -5 "$TMP/.err" | sed 's/^/#   /'
    fi
}

vg "report (Tongdao)" 0 report -c data/tongdao-2019/report.ini -o "$TMP/t.pdf"
vg "sheets --combined (Tongdao)" 0 sheets -c data/tongdao-2019/report.ini --combined "$TMP/ts.pdf"
vg "report (sample county)" 0 report -c data/sample-county/report.ini -o "$TMP/s.pdf"
vg "sheets per file (sample county)" 0 sheets -c data/sample-county/report.ini -o "$TMP/ss"
{ sed '/^output/d' data/tongdao-2019/report.ini; printf '[templates]\nreport = %s\n' "$JH_TOP/tests/data/bad/templates/unknown.md"; } >"$TMP/bad.ini"
sed "s|^schools .*|schools = $JH_TOP/data/tongdao-2019/schools.csv|" "$TMP/bad.ini" >"$TMP/bad2.ini"
vg "report with a template error" 1 report -c "$TMP/bad2.ini" -o "$TMP/b.pdf"
