#!/bin/sh
# Every placeholder `junheng figures --format template` lists is documented in
# templates/README.md (after folding LEVEL, KEY and narrative keys).
. "$(dirname "$0")/../lib.sh"

for ini in data/tongdao-2019/report.ini data/sample-county/report-quality.ini; do
    "$JUNHENG" figures -c $ini --format template >"$TMP/names.tsv" 2>/dev/null \
        && ok "figures --format template on $ini" || not_ok "figures --format template on $ini"
    awk -F'\t' '{print $2}' "$TMP/names.tsv" \
      | sed -E 's/\.(compliance|balance)\.[a-z_]+\./.\1.KEY./; s/^(primary|middle|levels\[\])\./LEVEL./; s/^narrative\.[a-z_0-9]+$/narrative.KEY/' \
      | sed -E 's/\.(first|last)$//' | sort -u >"$TMP/paths.txt"
    missing=0
    while read -r p; do
        case $p in
        *"[]."*)   # a list item's field: documented on the line of its list
            list=${p%\[\].*}; list=${list##*.}; field=${p##*\[\].}
            grep -F "\`$list[]\`" templates/README.md | grep -qF "\`$field\`" ;;
        *) grep -qF "\`$p\`" templates/README.md ;;
        esac || { missing=$((missing + 1)); echo "# undocumented: $p"; }
    done <"$TMP/paths.txt"
    [ $missing -eq 0 ] && ok "every template name of $ini is documented" || not_ok "$missing undocumented names ($ini)"
done
"$JUNHENG" figures -c data/tongdao-2019/report.ini --format template | grep -qP '^report\tmiddle\.composite_cv\t0\.273$' \
    && ok "the template value of the 初中 composite is 0.273" || not_ok "the template value of the 初中 composite is 0.273"
