#!/bin/sh
# Any county's own report (issue 12).  Small counties of their own under
# tests/data/county/, each rendered with the shipped templates and read back
# with pdftotext:
#   scratch      a county made from scratch: its own title, none of 通道's words
#   nomiddle     no 初中 schools: no 初中 sentence, row or bar, no "0所"
#   single       one school per 学段: "no 校际 difference", never nan
#   nonemet      no school meets every standard; no funding keys
#   oldfunding   funding years ending before the report year: a warning
#   quality      优质均衡 on national limits; quality-own: limits of its own
# and `check` failing, naming file and section or key, wherever `report`
# would fail on the county's own text.
. "$(dirname "$0")/../lib.sh"
D=tests/data/county

# render NAME: $TMP/NAME.txt is the PDF's text with the line breaks removed
render() {
    check "$1: check passes" "$JUNHENG" check -c $D/$1.ini
    if "$JUNHENG" report -q -c $D/$1.ini -o "$TMP/$1.pdf" 2>"$TMP/$1.err"; then
        ok "$1: report renders"
    else
        not_ok "$1: report renders"; sed 's/^/#   /' "$TMP/$1.err" | head -10
    fi
    pdftotext "$TMP/$1.pdf" - 2>/dev/null | tr -d '\n' >"$TMP/$1.txt"
    for bad in 0所 nan NaN inf '，。' '，；' '；。' '、。' '（）' '，，' '为-'; do
        not_contains "$1: no '$bad'" "$TMP/$1.txt" "$bad"
    done
}

for c in scratch nomiddle single nonemet oldfunding quality quality-own; do render $c; done

# --- a county made from scratch: its own title, nothing of 通道's ---------
contains "scratch: page 1 prints [report] title" "$TMP/scratch.txt" "岚山县2021年度义务教育均衡发展自查报告"
for w in 通道 侗族 芦笙 大歌 6423 93914 16568 思源 礼雅 坪坦 芙蓉 怀化 湖南 大班额 四改三化; do
    not_contains "scratch: none of 通道's names or facts ($w)" "$TMP/scratch.txt" "$w"
done
contains "scratch: its own practices, with its [narrative] figure" "$TMP/scratch.txt" "近年新补充教师42人"
contains "scratch: its funding, summed" "$TMP/scratch.txt" "2019—2021年，全县累计安排义务教育预算内经费10070万元，其中2021年3620万元。"
contains "scratch: the school below standard, by name" "$TMP/scratch.txt" "北岭中学（生均校地）"

# --- no 初中 -----------------------------------------------------------------
not_contains "nomiddle: no 初中 anywhere" "$TMP/nomiddle.txt" "初中"
contains "nomiddle: the 小学 sentence ends the list" "$TMP/nomiddle.txt" "共有小学3所（部），在校生1100人。"
contains "nomiddle: all schools met" "$TMP/nomiddle.txt" "小学3所（部）全部达到办学基本标准。"
not_contains "nomiddle: no funding sentence without funding keys" "$TMP/nomiddle.txt" "预算内经费"
not_contains "nomiddle: no data-driven difficulty when there is none" "$TMP/nomiddle.txt" "对照办学基本标准"

# --- one school per 学段 -----------------------------------------------------
contains "single: one school has no 校际 difference" "$TMP/single.txt" "小学仅有1所学校（部），不存在校际差异；初中仅有1所学校（部），不存在校际差异。"
not_contains "single: no chart of CVs that cannot differ" "$TMP/single.txt" "图1"
contains "nomiddle: the chart is drawn for 小学" "$TMP/nomiddle.txt" "图1"
contains "single: one funding year reads as one year" "$TMP/single.txt" "2021年，全县安排义务教育预算内经费880万元。"

# --- none met -----------------------------------------------------------------
contains "nonemet: none of the 小学 meets every standard" "$TMP/nonemet.txt" "小学3所（部）均有未达到办学基本标准的指标"
contains "nonemet: what they lack, in total" "$TMP/nonemet.txt" "图书161500册"

# --- funding years before the report year: a warning in check ----------------
"$JUNHENG" check -c $D/oldfunding.ini >/dev/null 2>"$TMP/old.err"
contains "oldfunding: check warns that the funding years end before the report" "$TMP/old.err" \
    "oldfunding.ini:15: warning: [narrative] the funding_YYYY amounts end in 2016, before the report year 2021"

# --- 优质均衡 ------------------------------------------------------------------
contains "quality: the default title is a 优质均衡 self-evaluation" "$TMP/quality.txt" "云岭县2021年度县域义务教育优质均衡发展自评报告"
contains "quality: headings speak of 优质均衡" "$TMP/quality.txt" "一、2021年度县域义务教育优质均衡发展基本情况"
contains "quality: national limits 0.50 / 0.45 by default" "$TMP/quality.txt" "小学均不高于0.50、初中均不高于0.45"
contains "quality: the per-school rule counted" "$TMP/quality.txt" "3所学校（部）均未达到每校七项指标的要求"
contains "quality: the verdict is false when the rule fails" "$TMP/quality.txt" "资源配置尚未达到县域义务教育优质均衡发展的要求"
contains "quality: failing schools are named with what they miss" "$TMP/quality.txt" "表4 2021年未达到每校七项指标要求的学校"
contains "quality: ... by name" "$TMP/quality.txt" "岚山县实验小学"
contains "quality: 表3 has each CV's limit" "$TMP/quality.txt" "国家规定上限"
contains "quality-own: a limit of the INI is printed as the county's own" "$TMP/quality-own.txt" \
    "小学均不高于本县确定的0.65（国家规定为0.50）、初中均不高于本县确定的0.40（国家规定为0.45）"
contains "quality-own: the table says whose limit it is" "$TMP/quality-own.txt" "本县自定上限"
"$JUNHENG" check -c $D/quality-own.ini >/dev/null 2>"$TMP/own.err"
contains "quality-own: a laxer limit is warned about" "$TMP/own.err" \
    "quality-own.ini:12: warning: [balance] primary_max_cv = 0.65 is laxer than the national 0.50"
not_contains "quality-own: a stricter one is not" "$TMP/own.err" "middle_max_cv"

# sheets under quality: the seven values against the per-school standard
check "quality: sheets render" "$JUNHENG" sheets -q -c $D/quality.ini --combined "$TMP/qs.pdf"
pdftotext "$TMP/qs.pdf" - 2>/dev/null | tr -d '\n' >"$TMP/qs.txt"
contains "quality sheets: the seven-value table" "$TMP/qs.txt" "优质均衡资源配置指标"
contains "quality sheets: the per-school verdict" "$TMP/qs.txt" "七项指标达到"
not_contains "quality sheets: not the eight basic indicators" "$TMP/qs.txt" "校际均衡指标"

# --- check fails where report would, naming file and section or key ---------
W=$TMP/w
mkdir -p "$W"
cp $D/schools.csv "$W/"
sed '/^practices/d' $D/scratch.ini >"$W/r.ini"
"$JUNHENG" check -c "$W/r.ini" >/dev/null 2>"$TMP/e1"
[ $? -eq 1 ] && ok "no practices file: check exits 1" || not_ok "no practices file: check exits 1"
contains "no practices file: the path is named" "$TMP/e1" "$W/practices.md"
printf '# 主要做法\n\n正文。\n\n# 主要困难\n\n<!-- 待填写 -->\n' >"$W/practices.md"
"$JUNHENG" check -c "$W/r.ini" >/dev/null 2>"$TMP/e2"
[ $? -eq 1 ] && ok "missing and empty sections: check exits 1" || not_ok "missing and empty sections: check exits 1"
contains "an empty section is named, at its line" "$TMP/e2" "practices.md:5:1: section \`# 主要困难\` is empty"
contains "a missing section is named" "$TMP/e2" "no section \`# 下一步工作打算\`"
check_fails "report refuses the same" "$JUNHENG" report -q -c "$W/r.ini" -o "$W/r.pdf"
test -e "$W/r.pdf" && not_ok "no PDF on a practices error" || ok "no PDF on a practices error"
printf '# 主要做法\n\n新建学校{{narrative.schools_new}}所。\n\n# 主要困难\n\n甲。\n\n# 下一步工作打算\n\n乙。\n\n# 主要成效\n\n丙。\n' >"$W/practices.md"
"$JUNHENG" check -c "$W/r.ini" >/dev/null 2>"$TMP/e3"
[ $? -eq 1 ] && ok "a [narrative] key the INI lacks: check exits 1" || not_ok "a [narrative] key the INI lacks: check exits 1"
contains "the key is named at its place in the practices file" "$TMP/e3" "practices.md:3:"
contains "the hint names the INI to add it to" "$TMP/e3" "add \`schools_new = …\` to the [narrative] section of $W/r.ini"
contains "a section no template prints is a warning" "$TMP/e3" "section \`# 主要成效\` is not printed"
printf 'text\n# 主要做法\n' >"$W/practices.md"
"$JUNHENG" check -c "$W/r.ini" >/dev/null 2>"$TMP/e4"
contains "text before the first heading is placed" "$TMP/e4" "practices.md:1:1: text before the first"

# --- where files go ----------------------------------------------------------
mkdir -p "$TMP/run"
cp $D/nomiddle.ini $D/primary-only.csv $D/practices.md "$TMP/run/"
check "the default output: from any folder" sh -c "cd / && '$JUNHENG' report -q -c '$TMP/run/nomiddle.ini'"
check "... is beside the INI, named after county and year" test -s "$TMP/run/out/龙溪县-2021-report.pdf"
cp "$TMP/run/out/龙溪县-2021-report.pdf" "$TMP/other.pdf"
"$JUNHENG" report -c $D/single.ini -o "$TMP/other.pdf" >/dev/null 2>"$TMP/ow.err"
contains "replacing another county's PDF warns" "$TMP/ow.err" "this file holds another report (龙溪县2021年度"
"$JUNHENG" report -c $D/single.ini -o "$TMP/other.pdf" >/dev/null 2>"$TMP/ow2.err"
not_contains "replacing the county's own PDF does not" "$TMP/ow2.err" "another report"
for ini in data/tongdao-2019/report.ini data/sample-county/report.ini data/sample-county/report-quality.ini; do
    grep -q '^output' $ini && not_ok "$ini sets no output path" || ok "$ini sets no output path"
done
cp $D/scratch-practices.md "$TMP/sp.md"
check_fails "an output over the practices file is refused" "$JUNHENG" report -q -c $D/scratch.ini -o $D/scratch-practices.md
check "... and the practices file is intact" cmp "$TMP/sp.md" $D/scratch-practices.md
