#!/bin/sh
# Bad configuration and bad school data: every problem is reported with its
# place (FILE:LINE and the column or [section] key) and a hint, the exit code
# is 1, and `figures` prints nothing on stdout.
. "$(dirname "$0")/../lib.sh"

B=tests/data/bad
run() { "$JUNHENG" "$@" >"$TMP/.out" 2>"$TMP/.err"; echo $?; }
fails_with() {  # what command... (expects exit 1)
    what=$1; shift
    got=$(run "$@")
    if [ "$got" = 1 ]; then ok "$what exits 1"; else not_ok "$what: exit $got, expected 1"; sed 's/^/#   /' "$TMP/.err" | head -10; fi
}
err() { contains "$1" "$TMP/.err" "$2"; }

# --- school data: every value error of the file, in one run
fails_with "bad values" figures -c $B/report.ini
check "nothing on stdout when failing" test ! -s "$TMP/.out"
err "non-number" "$B/schools.csv:3: column 'students' (在校生数): '四十' is not a number"
err "thousands separator" "$B/schools.csv:4: column 'books' (图书册数): '1,240' is not a number"
err "thousands separator hint" "hint: remove the thousands separators"
err "negative" "$B/schools.csv:5: column 'site_area' (占地面积): -1000 is negative"
err "zero students" "$B/schools.csv:6: column 'students' (在校生数): is 0"
err "count above its total" "$B/schools.csv:7: column 'qualified_teachers' (学历合格教师数): 4 is more than 专任教师数 (3)"
err "unknown 学段" "$B/schools.csv:8: column 'level' (学段): '高中' is not a 学段"
err "too few fields" "$B/schools.csv:9: the row has 17 field(s), the header has 19"
not_contains "有 is a valid library value" "$TMP/.err" "schools.csv:10:"
fails_with "check on bad values" check -c $B/report.ini
err "check counts the problems" "junheng check: 7 problem(s)"

fails_with "duplicates, unequal totals, orphan 教学点" check -c $B/dupes.ini
err "duplicate (code, level)" "$B/dupes.csv:3: column 'code' (学校代码): school 'A' already has a 小学 row on line 2"
err "mixed totals differ" "$B/dupes.csv:5: column 'books' (图书册数): 九年一贯制 school 'J' has 20000 here but 23226 on line 4"
err "orphan 教学点" "$B/dupes.csv:6: column 'code' (学校代码): 教学点 '孤山教学点' has code 'Z'"

fails_with "missing columns" check -c $B/missing-column.ini
err "a missing column" "$B/missing-column.csv:1: column 'books' (图书册数): missing from the header"
err "every missing column" "junheng check: 13 problem(s)"

fails_with "unclosed quote" figures -c $B/unclosed.ini
err "unclosed quote names the line" "$B/unclosed.csv:3: malformed CSV: a quoted field is never closed"

fails_with "UTF-16 file" figures -c $B/utf16.ini
err "UTF-16 is named" "$B/utf16.csv:1: the file is UTF-16"
err "UTF-16 hint" "CSV UTF-8"

fails_with "empty file" figures -c $B/empty.ini
err "empty file is named" "$B/empty.csv: the file is empty"

fails_with "missing CSV" figures -c $B/nocsv.ini
err "missing CSV is named" "$B/no-such-file.csv: cannot open the school data"

# --- configuration
fails_with "bad configuration" check -c $B/config.ini
err "missing required key" "$B/config.ini: [report] year (年度) is missing"
err "unknown scheme" "$B/config.ini:8: [balance] scheme: unknown value 'fancy'"
err "ratio as a bare number" "$B/config.ini:11: [standard.primary] teacher_ratio: '23' is more than 1"
err "missing standard" "[standard.primary] labs (小学实验室标准) is missing"
err "negative threshold" "$B/config.ini:32: [standard.middle] books: '-20' is negative"

fails_with "INI syntax error" figures -c $B/syntax.ini
err "syntax error line and column" "$B/syntax.ini:4:1: line is neither [section], key = value nor a comment"

fails_with "missing INI" figures -c $B/no-such.ini
err "missing INI is named" "$B/no-such.ini: cannot open the configuration"

# --- typos are warnings, not silent and not fatal
got=$(run check -c $B/typo.ini)
[ "$got" = 0 ] && ok "typos only warn (exit 0)" || not_ok "typos only warn: exit $got"
err "unknown key" "$B/typo.ini:4: warning: unknown key 'titel' in [report] is ignored"
err "unknown section" "$B/typo.ini:9: warning: unknown section [balanse] is ignored"
not_contains "[fonts] belongs to another stage" "$TMP/.err" "[fonts]"

# --- the quality scheme needs its three extra columns
fails_with "quality scheme without its columns" check -c $B/quality-columns.ini
err "quality column named" "column 'backbone_teachers' (县级以上骨干教师数): missing from the header"
err "quality column hint" "(the quality scheme needs it)"
