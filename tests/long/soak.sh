#!/bin/sh
# #16: a soak.  `report` and `sheets -j 2` run JH_SOAK times each (1,000 by
# default), one process per run, and stay flat:
#   - peak memory (RSS) of the last 10 % of runs within 10 % of the first
#     10 % (a leak that outlives a run — a cache file, a growing folder —
#     would show here);
#   - descriptors: every run is made under `ulimit -n 16`, so one descriptor
#     leaked per school (36 of them) or per page fails the run;
#   - nothing accumulates: TMPDIR empty, no temporary file beside outputs,
#     the sheets folder always holds the same files.
. "$(dirname "$0")/../lib.sh"

n=${JH_SOAK:-1000}
T=data/tongdao-2019/report.ini
export TMPDIR="$TMP/tmpdir"
mkdir -p "$TMPDIR"
command -v /usr/bin/time >/dev/null || { not_ok "no /usr/bin/time (apt-get install time)"; exit 0; }

soak() {  # name args...   one line of peak KB per run into $TMP/NAME.rss
    name=$1; shift
    fails=0
    : >"$TMP/$name.rss"
    i=0
    while [ $i -lt "$n" ]; do
        i=$((i + 1))
        ( ulimit -n 16; /usr/bin/time -f %M -o "$TMP/.rss" "$JUNHENG" "$@" -q >/dev/null 2>"$TMP/.err" ) \
            || { fails=$((fails + 1)); [ $fails -le 3 ] && sed 's/^/#   /' "$TMP/.err" | head -5; }
        cat "$TMP/.rss" >>"$TMP/$name.rss"
    done
    [ $fails = 0 ] && ok "$name: $n runs under ulimit -n 16, none failed" || not_ok "$name: $fails of $n runs failed"
    awk -v name="$name" -v n="$n" '{ v[NR] = $1 } END {
        k = int(n / 10); if (k < 1) k = 1
        for (i = 1; i <= k; i++) a += v[i]; for (i = n - k + 1; i <= n; i++) b += v[i]
        a /= k; b /= k
        printf "# %s: peak RSS first %d runs %.0f KB, last %d runs %.0f KB\n", name, k, a, k, b
        exit !(b <= a * 1.10) }' "$TMP/$name.rss" \
        && ok "$name: peak memory flat over $n runs" || not_ok "$name: peak memory grew over $n runs"
    left=$(ls -A "$TMPDIR")
    [ -z "$left" ] && ok "$name: TMPDIR empty after $n runs" || not_ok "$name: left in TMPDIR: $left"
}

soak report report -c $T -o "$TMP/r/report.pdf"
check "report: no temporary file beside it" test "$(ls -A "$TMP/r")" = report.pdf
soak sheets sheets -c $T -o "$TMP/s" -j 2
files=$(ls -A "$TMP/s" | wc -l)
"$JUNHENG" sheets -c $T -o "$TMP/s1" -j 2 -q
check "sheets: the folder holds exactly one run's files ($files)" test "$files" = "$(ls -A "$TMP/s1" | wc -l)"
