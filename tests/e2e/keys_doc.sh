#!/bin/sh
# The key reference in doc/junheng.1 and doc/configuration.md is the one the
# schema prints (src/config/schema.c): a key added to the table and not to
# the documents, or the reverse, fails here.
. "$(dirname "$0")/../lib.sh"

check "doc/junheng.1 and doc/configuration.md match the schema" sh tools/keys-doc.sh "$JUNHENG" --check
"$JUNHENG" check --keys man >"$TMP/man" 2>&1
contains "the man page lists [standard.primary] teacher_ratio" "$TMP/man" ".SS [standard.primary]"
contains "fonts are documented as PATH,INDEX" "$TMP/man" "PATH,INDEX"
check "check --keys prints the terminal listing" "$JUNHENG" check --keys
check_fails "check --keys refuses an unknown format" "$JUNHENG" check --keys pdf
# and the document the check compares against is really regenerated: a copy
# with one key removed is out of step
mkdir -p "$TMP/t/doc" "$TMP/t/tools"
cp doc/junheng.1 doc/configuration.md "$TMP/t/doc/"
cp tools/keys-doc.sh "$TMP/t/tools/"
sed -i '/^\.B county$/d' "$TMP/t/doc/junheng.1"
check_fails "a man page missing a key is out of step" sh "$TMP/t/tools/keys-doc.sh" "$JUNHENG" --check
