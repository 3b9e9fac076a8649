#!/bin/sh
# The workbench's refusals, over plain HTTP with curl, each bounded in time
# and on loopback only: an oversized upload, paths that try to leave the
# county folder, a bad token, malformed multipart bodies, requests from other
# sites, a connection that never finishes its request (the server still
# answers others, then drops it), and a render that fails.  After each, the
# server still answers.
. "$(dirname "$0")/../lib.sh"
. "$JH_TOP/tests/web/lib.sh"

if ! command -v curl >/dev/null; then echo "ok - SKIP web HTTP tests: curl is not installed (make deps)"; exit 0; fi

C="curl -s --max-time 30"
mkdir -p "$TMP/root"
cp -r data/tongdao-2019 "$TMP/root/"
# a county whose render fails: a font that does not exist
cp -r data/sample-county "$TMP/root/broken"
rm -f "$TMP/root/broken/report-quality.ini"
printf '\n[fonts]\nbody = /nonexistent/font.ttf\n' >>"$TMP/root/broken/report.ini"

serve_start "$TMP/root" --timeout 2 || exit 1
alive() { code=$($C -o /dev/null -w '%{http_code}' "$BASE/api/counties"); [ "$code" = 200 ]; }
status() {  # what expected-code curl-args...
    what=$1; want=$2; shift 2
    got=$($C -o "${OUT:-$TMP/body}" -w '%{http_code}' "$@")
    if [ "$got" = "$want" ]; then ok "$what ($got)"; else not_ok "$what: HTTP $got, expected $want"; head -c 300 "$TMP/body" | sed 's/^/#   /'; fi
}

status "the page is served" 200 "$BASE/"
contains "the page is Chinese" "$TMP/body" "县域义务教育均衡发展"
status "the counties are listed" 200 "$BASE/api/counties"
contains "Tongdao is among them" "$TMP/body" "通道侗族自治县"

# -- an oversized upload
head -c $((21 * 1024 * 1024)) /dev/zero | tr '\0' '1' >"$TMP/big.csv"
status "an upload over 20 MB is refused" 413 -H 'X-Junheng: 1' -F "file=@$TMP/big.csv" "$BASE/api/county/tongdao-2019/data"
contains "the refusal says why" "$TMP/body" "20 MB"
$C -o /dev/null -H 'X-Junheng: 1' -H 'Transfer-Encoding: chunked' -F "file=@$TMP/big.csv" "$BASE/api/county/tongdao-2019/data"
check "the server still answers after an oversized chunked upload" alive
check "no correction was left behind by the oversized uploads" test ! -e "$TMP/root/tongdao-2019/.junheng/pending.csv"
check "no temporary upload file is left behind" sh -c "! ls -a '$TMP/root/tongdao-2019/.junheng' | grep -q upload"

# -- a workbook saved by Excel as GB18030 ("CSV (逗号分隔)") reads like the UTF-8 one
iconv -f UTF-8 -t GB18030 data/tongdao-2019/schools.csv >"$TMP/gb.csv"
status "a GB18030 upload is taken" 200 -H 'X-Junheng: 1' -F "file=@$TMP/gb.csv" "$BASE/api/county/tongdao-2019/data"
contains "its table is shown in Chinese" "$TMP/body" "县第一完全小学"
contains "and read as GB18030" "$TMP/body" "GB18030"
contains "the same data changes nothing in the report" "$TMP/body" '"changed":false'
status "a correction can be thrown away" 200 -X POST -H 'X-Junheng: 1' "$BASE/api/county/tongdao-2019/discard"
check "and nothing is left waiting" test ! -e "$TMP/root/tongdao-2019/.junheng/pending.csv"
status "accepting with nothing waiting is refused" 409 -X POST -H 'X-Junheng: 1' "$BASE/api/county/tongdao-2019/accept"

# -- settings: a key that names a file is not for the page to set
cp "$TMP/root/tongdao-2019/report.ini" "$TMP/ini.before"
status "setting the data file from the page is refused" 422 -H 'X-Junheng: 1' --data-urlencode 'data|schools=/etc/passwd' \
    "$BASE/api/county/tongdao-2019/settings"
status "a setting the schema does not have is refused" 422 -H 'X-Junheng: 1' --data-urlencode 'report|nonsense=1' \
    "$BASE/api/county/tongdao-2019/settings"
status "a value on two lines is refused" 422 -H 'X-Junheng: 1' --data-urlencode 'report|issuer=a
[data]' "$BASE/api/county/tongdao-2019/settings"
check "the INI is unchanged by refused settings" cmp "$TMP/ini.before" "$TMP/root/tongdao-2019/report.ini"

# -- a workbook with a bad cell: the problem points at its cell in the table
if /usr/bin/python3 - "$TMP/bad.xlsx" <<'PY' 2>/dev/null
import csv, sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "学校"
for i, row in enumerate(csv.reader(open("data/tongdao-2019/schools.csv", encoding="utf-8-sig"))):
    if i == 1: row[3] = "三千"          # 在校生数 of the first school: D2
    ws.append(row)
wb.save(sys.argv[1])
PY
then
    status "a workbook upload is taken" 200 -H 'X-Junheng: 1' -F "file=@$TMP/bad.xlsx" "$BASE/api/county/tongdao-2019/data"
    contains "its problem names the sheet and cell" "$TMP/body" '学校!D2'
    contains "and points at the table's row 1, column 3" "$TMP/body" '"row":1,"column":3'
    status "the bad workbook is thrown away" 200 -X POST -H 'X-Junheng: 1' "$BASE/api/county/tongdao-2019/discard"
else
    echo "ok - SKIP workbook upload: python3-openpyxl is not installed (make deps)"
fi

# -- a county made by `junheng init` while the server runs: listed, its practices.md shown and saved
"$JUNHENG" init "$TMP/root/new-county" --county 新县 --year 2021 >/dev/null 2>&1
status "a county made by junheng init is picked up" 200 "$BASE/api/counties"
contains "and listed by its name" "$TMP/body" "新县"
status "its practices text is shown" 200 "$BASE/api/county/new-county/practices"
contains "with the sections init wrote" "$TMP/body" "主要做法"
status "the practices text is saved" 200 -H 'X-Junheng: 1' --data-urlencode 'text=# 主要做法

把义务教育放在优先位置。' "$BASE/api/county/new-county/practices"
contains "into the county's practices.md" "$TMP/root/new-county/practices.md" "把义务教育放在优先位置"
head -c 1100000 /dev/zero | tr '\0' 'a' >"$TMP/long.txt"
status "a practices text over 1 MB is refused" 413 -H 'X-Junheng: 1' -F "text=<$TMP/long.txt" "$BASE/api/county/new-county/practices"
contains "and practices.md is as it was" "$TMP/root/new-county/practices.md" "把义务教育放在优先位置"
status "the state of a county without data says what is missing" 200 "$BASE/api/county/new-county"
contains "with the problem" "$TMP/body" '"errors":[{'

# -- paths out of the county folder
status "../../etc/passwd is not a page" 404 --path-as-is "$BASE/../../etc/passwd"
not_contains "nothing of /etc/passwd is sent" "$TMP/body" "root:"
status "an escaped ../ is not a county" 404 "$BASE/api/county/..%2F..%2Fetc"
status "an escaped ../ is not a file" 404 "$BASE/api/county/tongdao-2019/file/..%2F..%2F..%2F..%2Fetc%2Fpasswd"
not_contains "nothing of /etc/passwd is sent" "$TMP/body" "root:"
status "a file outside the list is not served" 404 "$BASE/api/county/tongdao-2019/file/report.ini"
status "a county folder name with a slash is not a county" 404 "$BASE/api/county/tongdao-2019%2F..%2Fbroken"

# -- malformed multipart
status "multipart without a boundary is refused" 400 -H 'X-Junheng: 1' -H 'Content-Type: multipart/form-data' \
    --data-binary 'garbage' "$BASE/api/county/tongdao-2019/data"
status "a multipart body that does not match its boundary is refused" 400 -H 'X-Junheng: 1' \
    -H 'Content-Type: multipart/form-data; boundary=XYZ' --data-binary 'no parts at all' "$BASE/api/county/tongdao-2019/data"
printf -- '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n学校代码\r\n' >"$TMP/cut.txt"
status "a multipart body cut off before its end is refused" 400 -H 'X-Junheng: 1' \
    -H 'Content-Type: multipart/form-data; boundary=XYZ' --data-binary "@$TMP/cut.txt" "$BASE/api/county/tongdao-2019/data"
status "a form without the file is refused" 400 -H 'X-Junheng: 1' -F 'other=1' "$BASE/api/county/tongdao-2019/data"
check "the server still answers after malformed bodies" alive

# -- requests another site could make a browser send
status "a POST without the X-Junheng header is refused" 403 -X POST "$BASE/api/county/tongdao-2019/accept"
contains "the refusal says why" "$TMP/body" "X-Junheng"
status "a Host that is not this machine is refused (DNS rebinding)" 403 -H 'Host: evil.example' "$BASE/api/counties"
status "an unknown method is refused" 405 -X DELETE "$BASE/api/counties"
status "an unknown render is refused" 404 -X POST -H 'X-Junheng: 1' "$BASE/api/county/tongdao-2019/render/passwd"

# -- a request that never finishes
/usr/bin/python3 - "$BASE" >"$TMP/slow.out" 2>&1 <<'PY'
import socket, sys, time, urllib.request
host, port = sys.argv[1].split("//")[1].split(":")
s = socket.create_connection((host, int(port)), timeout=10)
s.sendall(b"GET /api/counties HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")   # and never the end
others = urllib.request.urlopen(sys.argv[1] + "/api/counties", timeout=10).status
print("others answered %d" % others)
t0 = time.time()
try:
    closed = s.recv(100) == b""
except (ConnectionResetError, socket.timeout):
    closed = True
print("slow connection dropped %s after %.0f s" % (closed, time.time() - t0))
PY
contains "others are answered while a request never finishes" "$TMP/slow.out" "others answered 200"
contains "the unfinished request is dropped after the timeout" "$TMP/slow.out" "slow connection dropped True"
check "the server still answers after the slow request" alive
contains "the dropped connection has its log line" "$TMP/serve.log" "closed without a complete request"

# -- a render that fails is an answer, not the end of the server
status "a failing render answers 422" 422 -X POST -H 'X-Junheng: 1' "$BASE/api/county/broken/render/report"
contains "with the problem and its place" "$TMP/body" "nonexistent/font.ttf"
check "the server still answers after a failing render" alive
status "a working render after it" 200 -X POST -H 'X-Junheng: 1' "$BASE/api/county/tongdao-2019/render/report"
OUT=$TMP/r.pdf status "the rendered report downloads" 200 "$BASE/api/county/tongdao-2019/file/report.pdf?download=1"
pdftotext "$TMP/r.pdf" "$TMP/r.txt" 2>/dev/null
contains "the downloaded report is Tongdao's" "$TMP/r.txt" "通道侗族自治县"
status "the school sheets as a zip" 200 -X POST -H 'X-Junheng: 1' "$BASE/api/county/tongdao-2019/render/zip"
OUT=$TMP/s.zip status "the zip downloads" 200 "$BASE/api/county/tongdao-2019/file/sheets.zip"
n=$(/usr/bin/python3 -c 'import sys, zipfile; print(sum(n.endswith(".pdf") for n in zipfile.ZipFile(sys.argv[1]).namelist()))' "$TMP/s.zip" 2>&1)
check "the zip holds one PDF per school (36: $n)" test "$n" = 36
status "the school sheets as one PDF" 200 -X POST -H 'X-Junheng: 1' "$BASE/api/county/tongdao-2019/render/sheets"
OUT=$TMP/s.pdf status "the combined sheets download" 200 "$BASE/api/county/tongdao-2019/file/sheets.pdf"
"$JUNHENG" sheets -c "$TMP/root/tongdao-2019/report.ini" --combined "$TMP/s-cli.pdf" -q 2>/dev/null
pages=$(pdfinfo "$TMP/s.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
want=$(pdfinfo "$TMP/s-cli.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
check "the combined sheets are the command's ($pages pages, $want from junheng sheets)" test -n "$pages" -a "$pages" = "$want"
pdftotext "$TMP/s.pdf" "$TMP/s.txt" 2>/dev/null
pdftotext "$TMP/s-cli.pdf" "$TMP/s-cli.txt" 2>/dev/null
check "and read the same" cmp "$TMP/s.txt" "$TMP/s-cli.txt"
status "every figure as CSV" 200 -X POST -H 'X-Junheng: 1' "$BASE/api/county/tongdao-2019/render/figures"
OUT=$TMP/f.csv status "the figures CSV downloads" 200 "$BASE/api/county/tongdao-2019/file/figures.csv"
"$JUNHENG" figures -c "$TMP/root/tongdao-2019/report.ini" --format csv >"$TMP/f-cli.csv" 2>/dev/null
check "the page's figures are the command's, byte for byte" cmp "$TMP/f.csv" "$TMP/f-cli.csv"
status "the figures as a workbook" 200 -X POST -H 'X-Junheng: 1' "$BASE/api/county/tongdao-2019/render/xlsx"
OUT=$TMP/f.xlsx status "the workbook downloads" 200 "$BASE/api/county/tongdao-2019/file/figures.xlsx"
check "it is a workbook with 表1" sh -c "/usr/bin/python3 -c 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); sys.exit(0 if any(\"表1\" in n for n in [z.read(\"xl/workbook.xml\").decode()]) else 1)' '$TMP/f.xlsx'"
c=$(grep -c '^20..-..-..T' "$TMP/serve.log")
check "one log line per answered request ($c)" test "$c" -ge 25
serve_stop

# -- the token
printf 'correct-horse-battery-staple\n' >"$TMP/token"
serve_start "$TMP/root" --token-file "$TMP/token" || exit 1
status "without the token the API refuses" 401 "$BASE/api/counties"
contains "and says a token is needed" "$TMP/body" "需要令牌"
status "without the token the page sends to the login form" 303 "$BASE/"
status "a bad token is refused" 401 -H 'X-Junheng-Token: wrong-token-wrong' "$BASE/api/counties"
status "a bad bearer token is refused" 401 -H 'Authorization: Bearer nope' "$BASE/api/counties"
status "a bad cookie is refused" 401 -b 'junheng_token=nope' "$BASE/api/counties"
status "the login form is served" 200 "$BASE/login"
status "a bad token at the login form is refused" 401 --data 'token=nope' "$BASE/login"
contains "and says so" "$TMP/body" "令牌不对"
status "the right token at the login form sets a cookie" 303 -c "$TMP/jar" --data 'token=correct-horse-battery-staple' "$BASE/login"
status "the cookie lets the page in" 200 -b "$TMP/jar" "$BASE/api/counties"
status "the header lets a tool in" 200 -H 'X-Junheng-Token: correct-horse-battery-staple' "$BASE/api/counties"
serve_stop

# -- an address other machines can reach needs a token (refused before binding)
check_fails "listening beyond loopback without a token is refused" "$JUNHENG" serve --root "$TMP/root" --listen 0.0.0.0:0
"$JUNHENG" serve --root "$TMP/root" --listen 0.0.0.0:0 >"$TMP/refuse.txt" 2>&1
contains "and it says why" "$TMP/refuse.txt" "token"
printf 'short\n' >"$TMP/short"
check_fails "a token that is too short is refused" "$JUNHENG" serve --root "$TMP/root" --token-file "$TMP/short" --listen 127.0.0.1:0
check_fails "a missing root is refused" "$JUNHENG" serve --root "$TMP/nowhere" --listen 127.0.0.1:0
check_fails "a bad --listen is refused" "$JUNHENG" serve --root "$TMP/root" --listen nonsense
