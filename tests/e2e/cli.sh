#!/bin/sh
# The command line itself: version, help, exit codes for bad usage.
. "$(dirname "$0")/../lib.sh"

check "--version prints the version" sh -c '"$JUNHENG" --version | grep -q "^junheng [0-9]"'
check "--help exits 0" "$JUNHENG" --help
"$JUNHENG" no-such-command >/dev/null 2>&1
[ $? -eq 2 ] && ok "unknown command exits 2" || not_ok "unknown command exits 2"
"$JUNHENG" >/dev/null 2>&1
[ $? -eq 2 ] && ok "no command exits 2" || not_ok "no command exits 2"
