#!/usr/bin/env bash
# Downloads and unpacks the Debian packages of code-packages.txt (bench-code-lang's test set) into
# <repo>/.cache/code-bench/packages, once (scripts/fetch-debs.sh: `apt-get download`, no install, then
# `dpkg-deb -x`). Idempotent and quiet; prints the unpacked folder. Needs a Debian or Ubuntu system.
set -euo pipefail
root="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="$root/.cache/code-bench"
command -v flock >/dev/null 2>&1 || { echo "fetch-code-samples: 'flock' is needed" >&2; exit 1; }
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
"$root/scripts/fetch-debs.sh" "$here/code-packages.txt" "$cache"
echo "$cache/packages"
