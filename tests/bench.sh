#!/bin/sh
# make bench: run every tests/bench/*.sh against the optimised ./junheng.
# Each prints its own small table; nothing here asserts a time.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
export JUNHENG="$top/junheng" JH_TOP="$top"
cd "$top" || exit 1
for b in tests/bench/*.sh; do
    [ -f "$b" ] || continue
    echo "== $(basename "$b" .sh)"
    sh "$b" || echo "(benchmark $b failed)"
done
