#!/bin/sh
# Install the Debian packages listed in tools/deps.txt that are not installed yet.
# Idempotent: with everything present it only runs dpkg-query and exits 0.
# As a non-root user it prints the command to run instead of running it.
set -eu
list="$(dirname "$0")/deps.txt"
missing=""
for p in $(grep -v '^[[:space:]]*#' "$list"); do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "junheng: missing Debian packages:$missing" >&2
    echo "run: sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
fi
echo "junheng: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq $missing
