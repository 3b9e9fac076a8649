#!/bin/sh
# Hardening (#16 item 3): `sheets -j 2` interrupted at random points by
# SIGINT, SIGTERM or SIGHUP leaves nothing behind — no .NAME.pdf.XXXXXX in
# the output folder, no junheng-face-*/junheng-fonts-* in TMPDIR — and every
# PDF that is there is complete.  JH_STRESS runs (10 here; `make test-long`
# runs 100).
. "$(dirname "$0")/../lib.sh"

runs=${JH_STRESS:-10}
T=data/tongdao-2019/report.ini
export TMPDIR="$TMP/tmpdir"
mkdir -p "$TMPDIR"
OUT="$TMP/out"

# how long a whole run takes here (centiseconds), to spread the signals over it
t0=$(date +%s%N)
"$JUNHENG" sheets -c $T -o "$OUT" -j 2 -q >/dev/null 2>&1
span=$(( ($(date +%s%N) - t0) / 10000000 + 10 ))
rm -rf "$OUT"

left_out=0; left_tmp=0; incomplete=0; stopped=0
i=0
while [ $i -lt "$runs" ]; do
    i=$((i + 1))
    r=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
    delay=$((r % span))
    case $((r / 7 % 3)) in 0) sig=INT ;; 1) sig=TERM ;; *) sig=HUP ;; esac
    "$JUNHENG" sheets -c $T -o "$OUT" -j 2 -q >/dev/null 2>"$TMP/.err" &
    pid=$!
    sleep "$(printf '%d.%02d' $((delay / 100)) $((delay % 100)))"
    kill -$sig $pid 2>/dev/null
    wait $pid
    rc=$?
    [ $rc -gt 128 ] && stopped=$((stopped + 1))
    if grep -qE 'Sanitizer|runtime error:' "$TMP/.err"; then not_ok "run $i: sanitizer report"; sed 's/^/#   /' "$TMP/.err" | head; fi
    t=$(find "$OUT" -name '.*' -type f 2>/dev/null)
    [ -n "$t" ] && { left_out=$((left_out + 1)); echo "# run $i (SIG$sig after ${delay}0 ms) left: $t"; }
    t=$(ls -A "$TMPDIR")
    [ -n "$t" ] && { left_tmp=$((left_tmp + 1)); echo "# run $i (SIG$sig after ${delay}0 ms) left in TMPDIR: $t"; }
    for f in "$OUT"/*.pdf; do
        [ -f "$f" ] || continue
        tail -c 1024 "$f" | grep -q '%%EOF' || { incomplete=$((incomplete + 1)); echo "# run $i: incomplete $f"; }
    done
    rm -rf "$OUT" "$TMPDIR"; mkdir -p "$TMPDIR"
done
echo "# $runs runs, $stopped stopped by the signal (the others had finished)"
[ $left_out = 0 ] && ok "$runs interrupted runs: no temporary file in the output folder" \
                  || not_ok "$left_out of $runs runs left a temporary file in the output folder"
[ $left_tmp = 0 ] && ok "$runs interrupted runs: nothing left in TMPDIR" \
                  || not_ok "$left_tmp of $runs runs left something in TMPDIR"
[ $incomplete = 0 ] && ok "$runs interrupted runs: every PDF left is complete" \
                    || not_ok "$incomplete incomplete PDF(s)"
[ $stopped -gt 0 ] && ok "the signals did stop runs ($stopped of $runs)" || not_ok "no run was stopped by a signal"
