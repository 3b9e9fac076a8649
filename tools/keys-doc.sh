#!/bin/sh
# Put the INI key reference, printed from the schema (src/config/schema.c) by
# `junheng check --keys`, into doc/junheng.1 (between the KEYS markers) and
# doc/configuration.md (after its marker line).
#
# usage: tools/keys-doc.sh JUNHENG [--check]
#   --check: change nothing; exit 1 (naming the file) when a document is out
#            of step with the schema.  tests/e2e/keys_doc.sh runs this.
set -eu
jh=$1
mode=${2:-write}
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
LANGUAGE= LC_ALL=C.UTF-8 "$jh" check --keys man >"$tmp/man" || exit 1
LANGUAGE= LC_ALL=C.UTF-8 "$jh" check --keys md >"$tmp/md" || exit 1

man=$top/doc/junheng.1
awk -v gen="$tmp/man" '
    /^\.\\" BEGIN KEYS/ { print; while ((getline l < gen) > 0) print l; skip = 1; next }
    /^\.\\" END KEYS/ { skip = 0 }
    !skip { print }' "$man" >"$tmp/junheng.1"
md=$top/doc/configuration.md
awk -v gen="$tmp/md" '
    { print }
    /^<!-- BEGIN KEYS/ { while ((getline l < gen) > 0) print l; exit }' "$md" >"$tmp/configuration.md"

status=0
for f in junheng.1 configuration.md; do
    if ! cmp -s "$tmp/$f" "$top/doc/$f"; then
        if [ "$mode" = --check ]; then
            echo "doc/$f is out of step with src/config/schema.c; run make keys-doc" >&2
            diff -u "$top/doc/$f" "$tmp/$f" | head -20 >&2
            status=1
        else
            cp "$tmp/$f" "$top/doc/$f"
            echo "updated doc/$f"
        fi
    fi
done
exit $status
