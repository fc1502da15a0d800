#!/usr/bin/env bash
# Downloads the Debian packages of Apertium and its Indonesian-Malay pair at the versions the built-in
# language-ID model pins (filters/Languages/Model/packages.txt) and unpacks them (`dpkg-deb -x`, no install)
# into .cache/apertium/root, for the tests of ApertiumTranslator. Prints that folder.
# Idempotent and quiet: does nothing but print when they are unpacked already.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
cache="$root/.cache/apertium"
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
names=(apertium apertium-ind-zlm cg3 libapertium3 libcg3-1 liblttoolbox3 libxml2 lttoolbox)
if [[ ! -e "$cache/root/.complete" ]]; then
  for tool in apt-get dpkg-deb; do
    command -v "$tool" >/dev/null 2>&1 || { echo "fetch-apertium: '$tool' is needed (a Debian or Ubuntu system)" >&2; exit 1; }
  done
  specs=()
  for name in "${names[@]}"; do
    spec="$(grep -m1 "^$name=" "$root/filters/Languages/Model/packages.txt")" || { echo "fetch-apertium: $name is not pinned in filters/Languages/Model/packages.txt" >&2; exit 1; }
    specs+=("$spec")
  done
  rm -rf "$cache/debs" "$cache/root"
  mkdir -p "$cache/debs" "$cache/root"
  download() { (cd "$cache/debs" && apt-get download -q "${specs[@]}" >/dev/null 2>"$cache/apt.log"); }
  if ! download; then
    apt-get update -qq >/dev/null 2>&1 || true
    download || { echo "fetch-apertium: apt-get download ${specs[*]} failed (see $cache/apt.log)" >&2; exit 1; }
  fi
  for deb in "$cache"/debs/*.deb; do
    dpkg-deb -x "$deb" "$cache/root"
  done
  touch "$cache/root/.complete"
fi
echo "$cache/root"
