#!/bin/sh
# junheng report: the Tongdao 2019 example reproduces the seed's tables, names
# its failing school, is byte-stable; the sample county names its failures;
# template errors are placed and leave no PDF.
. "$(dirname "$0")/../lib.sh"

ini=data/tongdao-2019/report.ini
pdf=$TMP/tongdao.pdf
check "report on the Tongdao example exits 0" "$JUNHENG" report -c $ini -o "$pdf" --quiet
pdftotext "$pdf" "$TMP/t.txt" 2>/dev/null
tr -d '\n' <"$TMP/t.txt" >"$TMP/flat.txt"

# 表1: met counts and rates; 表2: every mean and CV of the seed, the composites
for n in 26 25 11 96.15 100.00 \
         3.392 4.649 2909.14 28.492 10.776 0.059 0.056 0.030 \
         0.517 0.533 0.295 0.368 0.519 0.231 0.242 0.334 0.380 \
         4.102 7.006 2942.86 32.005 10.955 0.074 0.064 0.046 \
         0.556 0.338 0.177 0.300 0.209 0.140 0.175 0.286 0.273; do
    contains "seed figure $n is in the report" "$TMP/t.txt" "$n"
done
not_contains "the seed's wrong 初中 composite 0.279 is not printed" "$TMP/flat.txt" "0.279"
contains "the prose gives the computed 初中 composite" "$TMP/flat.txt" "初中综合差异系数为0.273"
contains "the prose gives the 小学 composite" "$TMP/flat.txt" "小学综合差异系数为0.380"
for h in "一、2019年度县域义务教育均衡发展基本情况" "二、主要做法" "三、主要困难" "四、下一步工作打算" \
         "表1" "表2" "图1"; do
    contains "section '$h' is present" "$TMP/flat.txt" "$h"
done
contains "the school below standard is named with what it misses" "$TMP/flat.txt" "县第一完全小学（生均校地）"
contains "the funding total is summed from the yearly amounts" "$TMP/flat.txt" "93914万元"
contains "the signature carries the issuer" "$TMP/flat.txt" "通道侗族自治县人民政府"

pdffonts "$pdf" 2>/dev/null | awk 'NR>2 && ($(NF-4)!="yes" || $(NF-3)!="yes") {bad=1} END {exit bad}' \
    && ok "every font is embedded and subset" || not_ok "every font is embedded and subset"
pdfinfo "$pdf" 2>/dev/null | grep -q "595.276 x 841.89 pts (A4)" && ok "pages are A4" || not_ok "pages are A4"

"$JUNHENG" report -c $ini -o "$TMP/again.pdf" --quiet
cmp -s "$pdf" "$TMP/again.pdf" && ok "the same input renders byte-identical PDFs" \
    || not_ok "the same input renders byte-identical PDFs"

# sample county: failing schools and a failing composite
check "report on the sample county exits 0" "$JUNHENG" report -c data/sample-county/report.ini -o "$TMP/s.pdf" --quiet
pdftotext "$TMP/s.pdf" - 2>/dev/null | tr -d '\n' >"$TMP/s.txt"
contains "the sample county names a failing school" "$TMP/s.txt" "石桥中学（师生比"
contains "the sample county's failing composite is called out" "$TMP/s.txt" "初中综合差异系数为0.633，高于国家规定的0.55，尚未达到要求"
contains "the 缺什么补什么 totals are given" "$TMP/s.txt" "图书17500册"
check "quality-scheme report exits 0" "$JUNHENG" report -c data/sample-county/report-quality.ini -o "$TMP/q.pdf" --quiet
pdftotext "$TMP/q.pdf" - 2>/dev/null | tr -d '\n' >"$TMP/q.txt"
contains "quality report counts the CVs over 0.45" "$TMP/q.txt" "初中有3项差异系数高于0.45"

# a template error: placed, exit 1, no PDF
mkdir -p "$TMP/bad"
cp data/tongdao-2019/schools.csv data/tongdao-2019/practices.md "$TMP/bad/"
sed -e 's#^schools *=.*#schools = schools.csv#' $ini >"$TMP/bad/report.ini"
printf '[templates]\nreport = bad.md\n' >>"$TMP/bad/report.ini"
printf '# {{county}}\n\n第二段{{primary.compositecv}}。\n' >"$TMP/bad/bad.md"
"$JUNHENG" report -c "$TMP/bad/report.ini" -o "$TMP/bad/out.pdf" 2>"$TMP/err.txt"
[ $? -eq 1 ] && ok "an unknown placeholder exits 1" || not_ok "an unknown placeholder exits 1"
contains "the error names file:line:column" "$TMP/err.txt" "bad.md:3:14:"
contains "the error suggests the right name" "$TMP/err.txt" "composite_cv"
[ ! -e "$TMP/bad/out.pdf" ] && ok "no PDF is written on a template error" || not_ok "no PDF is written on a template error"
ls -a "$TMP/bad" | grep -q '^\.out\.pdf\.' && not_ok "a temporary file is left behind" || ok "no temporary file is left behind"

printf '# {{county}}\n\n{{#levels}}{{name}}\n' >"$TMP/bad/bad.md"
"$JUNHENG" report -c "$TMP/bad/report.ini" -o "$TMP/bad/out.pdf" 2>"$TMP/err.txt"
[ $? -eq 1 ] && ok "an unclosed section exits 1" || not_ok "an unclosed section exits 1"
contains "the unclosed section is placed" "$TMP/err.txt" "bad.md:3:1:"

# the section lines vanish on expansion: the place must still be the template's
printf '# {{county}}\n\n{{#levels}}\n{{name}}\n{{/levels}}\n\n<div>raw</div>\n' >"$TMP/bad/bad.md"
"$JUNHENG" report -c "$TMP/bad/report.ini" -o "$TMP/bad/out.pdf" 2>"$TMP/err.txt"
[ $? -eq 1 ] && ok "unsupported Markdown exits 1" || not_ok "unsupported Markdown exits 1"
contains "unsupported Markdown is placed in the template as written" "$TMP/err.txt" "bad.md:7:1:"
[ ! -e "$TMP/bad/out.pdf" ] && ok "still no PDF" || not_ok "still no PDF"

"$JUNHENG" report -o x.pdf >/dev/null 2>&1
[ $? -eq 2 ] && ok "report without -c is a usage error (2)" || not_ok "report without -c is a usage error (2)"
