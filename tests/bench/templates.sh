#!/bin/sh
# Benchmark (#16 item 4): template expansion and Markdown handling against
# the size of the template — 10^5 and 10^6 unknown placeholders (report
# refuses them, listing 20), 10^6 comments on one line after the shipped
# report template.  Before the fix: 10^5 unknown placeholders 218 s (10^6
# did not finish in 300 s), 10^6 comments 157 s.  Linear means the 10^6 row
# is about ten times the 10^5 row.  Floor: the shipped template alone.
. "$(dirname "$0")/lib.inc"
D=data/tongdao-2019
sed '/^output/d' $D/report.ini >"$BT/base.ini"
cp $D/schools.csv "$BT/"
python3 - "$BT" <<'PY'
import sys
w = sys.argv[1]
for n in (100000, 1000000):
    open('%s/unk%d.md' % (w, n), 'w').write('# 标题\n\n' + ''.join('{{nosuch}} ' * 10 + '\n' for _ in range(n // 10)))
open(w + '/com.md', 'w').write(open('templates/report.md').read() + '\n' + '{{! 注 }}' * 1000000 + '\n')
PY
printf '%-40s %8s %8s %10s\n' "report with template" "wall s" "cpu s" "peak MB"
row() { awk -v l="$1" -v s="$SECS" -v c="$CPU" -v r="$RSS_KB" 'BEGIN { printf "%-40s %8.3f %8.3f %10.1f\n", l, s, c, r / 1024 }'; }
for t in unk100000 unk1000000 com; do
    { cat "$BT/base.ini"; printf '[templates]\nreport = %s.md\n' $t; } >"$BT/$t.ini"
done
# measure fails on a non-zero exit: the refused runs are wrapped (exit 1 is success)
refuse='"$@"; [ $? -eq 1 ]'
measure sh -c "$refuse" sh "$JUNHENG" report -c "$BT/unk100000.ini" -o "$BT/x.pdf" && row "10^5 unknown placeholders (refused)"
measure sh -c "$refuse" sh "$JUNHENG" report -c "$BT/unk1000000.ini" -o "$BT/x.pdf" && row "10^6 unknown placeholders (refused)"
measure "$JUNHENG" report -c "$BT/com.ini" -o "$BT/x.pdf" -q && row "10^6 comments on one line"
measure "$JUNHENG" report -c "$BT/base.ini" -o "$BT/x.pdf" -q && row "  floor: the shipped template alone"
