#!/usr/bin/env bash
# Downloads the pinned Debian packages of LIST (lines `name=version`, `#` comments) into CACHE/debs with
# `apt-get download` (no install) and unpacks each once (`dpkg-deb -x`) into CACHE/packages. Packages
# already downloaded or unpacked are not fetched again. Quiet unless it fails. Takes no lock: callers
# that may run at once hold one around it.
#   scripts/fetch-debs.sh LIST CACHE
set -euo pipefail
list="$1"
cache="$2"
for tool in apt-get dpkg-deb; do
  command -v "$tool" >/dev/null 2>&1 || { echo "fetch-debs: '$tool' is needed (a Debian or Ubuntu system)" >&2; exit 1; }
done
mkdir -p "$cache/debs" "$cache/packages"
missing=()
while IFS= read -r spec; do
  [[ -z "$spec" || "$spec" == \#* ]] && continue
  name="${spec%%=*}"; version="${spec#*=}"
  compgen -G "$cache/debs/${name}_*${version##*:}_*.deb" >/dev/null || missing+=("$spec")
done < "$list"
download() { (cd "$cache/debs" && apt-get download -q "${missing[@]}" >/dev/null 2>"$cache/apt.log"); }
if (( ${#missing[@]} > 0 )) && ! download; then
  # A fresh machine may have no package lists yet: fetch them once (as root) and try again.
  apt-get update -qq >/dev/null 2>&1 || true
  download || { echo "fetch-debs: apt-get download failed (see $cache/apt.log); the pinned versions may have left the mirror ($list)" >&2; exit 1; }
fi
for deb in "$cache"/debs/*.deb; do
  stamp="$cache/packages/.unpacked-$(basename "$deb")"
  [[ -e "$stamp" ]] && continue
  dpkg-deb -x "$deb" "$cache/packages"
  touch "$stamp"
done
