# golden_json.awk — check figures in `junheng figures --format json` output
# against expected values at their printed precision, without python or jq.
#
# usage: awk -f golden_json.awk FIGURES.json EXPECT.txt
#
# FIGURES.json is flattened into paths such as levels[0].balance[3].cv.
# EXPECT.txt has one check per line:
#     LEVEL SECTION KEY FIELD VALUE DECIMALS
# e.g. "primary balance books mean 28.492 3", "primary compliance site_area met 25 0",
# "middle - composite_cv - 0.273 3", "middle - balanced - false -".
# A figure matches when it lies in [VALUE − ½·10^−d, VALUE + ½·10^−d), i.e. it
# displays as VALUE under half-up rounding; DECIMALS "-" compares text.
# Prints "ok - …" or "not ok - …" per line.

function flat(s,    c, i, n, tok, top) {
    depth = 0; n = length(s); i = 1
    while (i <= n) {
        c = substr(s, i, 1)
        if (c == "{" || c == "[") { depth++; kind[depth] = c; idx[depth] = 0; key[depth] = ""; i++; continue }
        if (c == "}" || c == "]") { depth--; i++; continue }
        if (c == ",") { if (kind[depth] == "[") idx[depth]++; i++; continue }
        if (c == ":" || c ~ /[ \t\r\n]/) { i++; continue }
        if (c == "\"") {
            tok = ""; i++
            while (i <= n && (c = substr(s, i, 1)) != "\"") {
                if (c == "\\") { i++; c = substr(s, i, 1) }
                tok = tok c; i++
            }
            i++
            # a string followed by ':' is a key
            rest = substr(s, i); sub(/^[ \t\r\n]*/, "", rest)
            if (kind[depth] == "{" && substr(rest, 1, 1) == ":") { key[depth] = tok; continue }
            emit(tok); continue
        }
        tok = ""
        while (i <= n && (c = substr(s, i, 1)) !~ /[,}\] \t\r\n]/) { tok = tok c; i++ }
        emit(tok)
    }
}
function path(    p, d) {
    p = ""
    for (d = 1; d <= depth; d++)
        p = p (kind[d] == "[" ? "[" idx[d] "]" : (p == "" ? "" : ".") key[d])
    return p
}
function emit(v) { val[path()] = v }

function level_index(name,    i) {
    for (i = 0; ("levels[" i "].level") in val; i++) if (val["levels[" i "].level"] == name) return i
    return -1
}
function item(li, sec, k,    j, base) {
    for (j = 0; (base = "levels[" li "]." sec "[" j "]") ".key" in val; j++)
        if (val[base ".key"] == k) return base
    return ""
}

FNR == NR { json = json $0 "\n"; next }
FNR == 1 { flat(json) }
/^[ \t]*(#|$)/ { next }
{
    lv = $1; sec = $2; k = $3; f = $4; want = $5; d = $6
    what = lv " " (sec == "-" ? "" : sec " ") k (f == "-" ? "" : " " f) " = " want
    li = level_index(lv)
    if (li < 0) { print "not ok - " what ": no level " lv; next }
    p = sec == "-" ? "levels[" li "]." k : item(li, sec, k)
    if (p == "") { print "not ok - " what ": no " sec " item " k; next }
    if (f != "-") p = p "." f
    if (!(p in val)) { print "not ok - " what ": " p " missing"; next }
    got = val[p]
    if (d == "-") ok = got == want
    else { h = 0.5 / (10 ^ d); ok = (got + 0 >= want - h - 1e-12) && (got + 0 < want + h - 1e-12) }
    print (ok ? "ok - " : "not ok - ") what (ok ? "" : " (got " got ")")
}
