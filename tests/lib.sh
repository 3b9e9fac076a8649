# Helpers for end-to-end tests (sourced by tests/e2e/*.sh).
#
#   check "what" COMMAND...     ok if COMMAND exits 0
#   check_fails "what" COMMAND... ok if COMMAND refuses: exits non-zero, but
#                               not by a signal (exit > 128) nor by a
#                               sanitizer's report (exit 99, see tests/run.sh):
#                               a crash is never a refusal
#   contains "what" FILE TEXT   ok if FILE contains TEXT (fixed string)
# $JUNHENG is the binary under test, $JH_TOP the repository, $TMP a scratch
# folder removed at exit.
set -u
: "${JH_TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${JUNHENG:=$JH_TOP/junheng}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$JH_TOP" || exit 1

ok()     { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; }

check() {
    what=$1; shift
    if "$@" >"$TMP/.last" 2>&1; then ok "$what"; else not_ok "$what"; sed 's/^/#   /' "$TMP/.last" | head -20; fi
}
check_fails() {
    what=$1; shift
    "$@" >"$TMP/.last" 2>&1
    rc=$?
    if [ $rc = 0 ]; then not_ok "$what (expected failure)"
    elif [ $rc = 99 ] || [ $rc -gt 128 ]; then
        not_ok "$what (crashed: exit $rc)"; sed 's/^/#   /' "$TMP/.last" | head -20
    else ok "$what"; fi
}
contains() {
    what=$1; file=$2; text=$3
    if grep -qF -- "$text" "$file"; then ok "$what"; else not_ok "$what: '$text' not in $file"; fi
}
not_contains() {
    what=$1; file=$2; text=$3
    if grep -qF -- "$text" "$file"; then not_ok "$what: '$text' found in $file"; else ok "$what"; fi
}
# Tests that read workbooks back need openpyxl (python3-openpyxl, in
# tools/deps.txt): sets PY to the Debian python3 that has it, or reports the
# missing package and returns 1.
need_openpyxl() {
    PY=/usr/bin/python3
    [ -x "$PY" ] || PY=python3
    "$PY" -c 'import openpyxl' 2>/dev/null && return 0
    not_ok "python3-openpyxl is installed (make deps)"
    return 1
}
