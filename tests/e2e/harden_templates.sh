#!/bin/sh
# Hardening (#16 item 4): template expansion and Markdown handling are linear
# in the size of the input.  Each case runs under `timeout 60`: with the old
# quadratic code 10^5 unknown placeholders took 218 s (10^6 never finished),
# now 10^6 take about a second.  Times are measured in `make bench`
# (tests/bench/templates.sh), not asserted here.
#   - 10^6 unknown placeholders (ten a line, and all on one line): exit 1,
#     the first 20 reported with their line and column, then one
#     "… and N more" line — not 10^6 lines;
#   - 10^6 comments on one line after the real report template: the report
#     is written as without them.
. "$(dirname "$0")/../lib.sh"

W=$TMP/w
mkdir -p "$W"
sed '/^output/d' data/tongdao-2019/report.ini >"$W/base.ini"
cp data/tongdao-2019/schools.csv "$W/schools.csv"
with_tpl() { { cat "$W/base.ini"; printf '[templates]\nreport = %s\n' "$2"; } >"$W/$1.ini"; }

python3 - "$W" <<'PY'
import sys
w = sys.argv[1]
open(w + '/lines.md', 'w').write('# 标题\n\n' + ''.join('{{nosuch}} ' * 10 + '\n' for _ in range(100000)))
open(w + '/one.md', 'w').write('# 标题\n\n' + '{{nosuch}} ' * 1000000 + '\n')
open(w + '/comments.md', 'w').write(open('templates/report.md').read() + '\n' + '{{! 注 }}' * 1000000 + '\n')
PY
with_tpl lines lines.md
with_tpl one one.md
with_tpl comments comments.md

timeout 60 "$JUNHENG" report -c "$W/lines.ini" -o "$W/lines.pdf" >"$TMP/.out" 2>"$TMP/.err"
rc=$?
check "10^6 unknown placeholders, ten a line: exit 1 within 60 s (rc $rc)" test $rc = 1
contains "... the first is placed at line 3, column 3 (the name)" "$TMP/.err" "lines.md:3:3: unknown name"
contains "... the 20th at line 4, column 102" "$TMP/.err" "lines.md:4:102: unknown name"
contains "... then one line for the rest" "$TMP/.err" "and 999980 more"
n=$(grep -c 'unknown name' "$TMP/.err")
check "... $n 'unknown name' lines (20)" test "$n" = 20
check "... no PDF" test ! -e "$W/lines.pdf"

timeout 60 "$JUNHENG" report -c "$W/one.ini" -o "$W/one.pdf" >"$TMP/.out" 2>"$TMP/.err"
rc=$?
check "10^6 unknown placeholders on one line: exit 1 within 60 s (rc $rc)" test $rc = 1
contains "... the 20th at column 212" "$TMP/.err" "one.md:3:212: unknown name"
contains "... then one line for the rest" "$TMP/.err" "and 999980 more"

timeout 60 "$JUNHENG" report -c "$W/comments.ini" -o "$W/comments.pdf" -q >"$TMP/.out" 2>"$TMP/.err"
rc=$?
check "10^6 comments on one line: written within 60 s (rc $rc)" test $rc = 0
"$JUNHENG" report -c "$W/base.ini" -o "$W/base.pdf" -q
pdftotext "$W/comments.pdf" "$W/comments.txt" 2>/dev/null
pdftotext "$W/base.pdf" "$W/base.txt" 2>/dev/null
check "... the same text as without them" cmp -s "$W/comments.txt" "$W/base.txt"

LANGUAGE=zh_CN timeout 60 "$JUNHENG" report -c "$W/lines.ini" -o "$W/lines.pdf" >"$TMP/.out" 2>"$TMP/.err"
contains "zh_CN: the rest counted in Chinese" "$TMP/.err" "还有 999980 个未知"
