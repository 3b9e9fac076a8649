#!/bin/sh
# `make install` into a staging folder, the installed binary run from another
# folder on a copy of the example, the man page, and `make uninstall`.
. "$(dirname "$0")/../lib.sh"

D="$TMP/stage"
check "make install DESTDIR PREFIX=/usr" make -s install DESTDIR="$D" PREFIX=/usr
B="$D/usr/bin/junheng"
for f in usr/bin/junheng usr/share/junheng/templates/report.md usr/share/junheng/templates/sheet.md \
         usr/share/junheng/fonts/README.md usr/share/man/man1/junheng.1 \
         usr/share/bash-completion/completions/junheng usr/share/locale/zh_CN/LC_MESSAGES/junheng.mo; do
    check "installed $f" test -f "$D/$f"
done
check "the binary is executable" test -x "$B"

# Run it from elsewhere on a user's own copy: the templates come from share/junheng.
cp -r data/tongdao-2019 "$TMP/county"
check "installed report from another folder" sh -c "cd '$TMP' && '$B' report -c county/report.ini -q"
# the default output is beside the INI, named after the county and year
check "report PDF written" test -s "$TMP/county/out/通道侗族自治县-2019-report.pdf"
check "it is a PDF" sh -c "head -c 5 '$TMP/county/out/通道侗族自治县-2019-report.pdf' | grep -q '%PDF-'"
check "installed check from another folder" sh -c "cd '$TMP/county' && '$B' check -c report.ini"
check "installed diff exits 0 on identical input" sh -c "cd '$TMP/county' && '$B' diff -c report.ini --old-data schools.csv -q"
# the installed catalogue, not the build tree's
check "installed binary speaks Chinese from share/locale" sh -c \
    "cd '$TMP' && LANGUAGE=zh_CN LC_ALL=C.UTF-8 '$B' check -c nothing.ini 2>&1 | grep -q '无法打开配置文件'"

# the man page renders without warnings
M="$D/usr/share/man/man1/junheng.1"
check "groff renders the man page without warnings" sh -c "groff -k -man -Tutf8 -ww '$M' 2>'$TMP/groff.err' >'$TMP/man.txt' && test ! -s '$TMP/groff.err'"
if command -v man >/dev/null 2>&1; then
    check "man -l renders the page without warnings" sh -c \
        "LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l '$M' 2>'$TMP/man.err' >'$TMP/man.txt' && test ! -s '$TMP/man.err'"
fi
for w in "junheng diff" "--old-data" "[standard.primary]" "primary_max_cv" "[narrative]" "[templates]" \
         "[fonts]" "[layout]" "[display]" "图书册数" "学校代码" "EXIT STATUS" "the report changes"; do
    contains "man page mentions $w" "$TMP/man.txt" "$w"
done
check "completion is valid bash" bash -n "$D/usr/share/bash-completion/completions/junheng"
check "completion completes commands" bash -c ". '$D/usr/share/bash-completion/completions/junheng'; COMP_WORDS=(junheng di); COMP_CWORD=1; _junheng; [ \"\${COMPREPLY[*]}\" = diff ]"

check "make uninstall" make -s uninstall DESTDIR="$D" PREFIX=/usr
check "uninstall leaves no file" sh -c "[ -z \"\$(find '$D' -type f)\" ]"
check "uninstall removes share/junheng" test ! -e "$D/usr/share/junheng"
