#!/usr/bin/env bash
# Builds the built-in language-ID model, filters/Languages/Model/corpus-lid.bin, reproducibly:
#   1. downloads the pinned Debian packages of filters/Languages/Model/packages.txt (translation
#      catalogs and the GNOME and MATE manuals beside them, LibreOffice's help pages, Firefox's and
#      Thunderbird's language packs, iso-codes, fortunes, MediaWiki's messages, Apertium with its
#      Indonesian-Malay pair, Rime's Cantonese word list; `apt-get download`, no install) into .cache/lid/debs
#      and unpacks them (`dpkg-deb -x`) into .cache/lid/packages (scripts/fetch-debs.sh);
#   2. installs the pinned npm packages of the Unicode CLDR's display strings (names of languages,
#      territories, months, units; the only free text for a few languages) into .cache/lid/npm;
#   3. `corpus lid build-model` writes the training file from them and the UDHR (held-out articles
#      left out) and trains the model with the project's own trainer (one thread, seed 0) into
#      .cache/lid/corpus-lid.bin, then each language group's model (corpus-lid.group-NAME.bin, a fastText
#      model, or corpus-lid.group-NAME.ngrams, a character n-gram model; from the group's lines of the same
#      training file) beside it.
# Options: --install copies the results over filters/Languages/Model/corpus-lid*.bin;
#          --check fails unless the results are byte-identical to the committed models.
# Idempotent: packages already downloaded or unpacked are not fetched again. Quiet unless it fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$root/.cache/lid"
list="$root/filters/Languages/Model/packages.txt"
committed="$root/filters/Languages/Model/corpus-lid.bin"
mode="${1:-}"
case "$mode" in ""|--install|--check) ;; *) echo "usage: scripts/build-lid-model.sh [--install|--check]" >&2; exit 2 ;; esac
cldr=(cldr-localenames-full@48.2.0 cldr-dates-full@48.2.0 cldr-units-full@48.2.0)
for tool in flock npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "build-lid-model: '$tool' is needed (a Debian or Ubuntu system)" >&2; exit 1; }
done
mkdir -p "$cache/debs" "$cache/packages"
exec 9>"$cache/.lock"
flock 9
"$root/scripts/fetch-debs.sh" "$list" "$cache"
for spec in "${cldr[@]}"; do
  name="${spec%@*}"; version="${spec##*@}"
  grep -qs "\"version\": \"$version\"" "$cache/npm/node_modules/$name/package.json" && continue
  mkdir -p "$cache/npm"
  [[ -f "$cache/npm/package.json" ]] || echo '{"name":"corpus-lid-data","private":true}' > "$cache/npm/package.json"
  npm install --prefix "$cache/npm" --no-audit --no-fund --no-save --loglevel=error "${cldr[@]}" >/dev/null 2>"$cache/npm.log" \
    || { echo "build-lid-model: npm install of the CLDR packages failed (see $cache/npm.log)" >&2; exit 1; }
  break
done
"$root/corpus" lid build-model --packages "$cache/packages" --cldr "$cache/npm/node_modules" --out "$cache/corpus-lid.bin" --data "$cache/train.txt" 2>"$cache/build.log" \
  || { cat "$cache/build.log" >&2; exit 1; }
# The main model and its language groups' models (corpus-lid.group-NAME.bin or .ngrams), built and committed.
models() { (cd "$1" && ls corpus-lid.bin corpus-lid.group-*.bin corpus-lid.group-*.ngrams 2>/dev/null); }
committed_dir="$(dirname "$committed")"
case "$mode" in
  --install)
    rm -f "$committed_dir"/corpus-lid.group-*.bin "$committed_dir"/corpus-lid.group-*.ngrams
    for m in $(models "$cache"); do cp "$cache/$m" "$committed_dir/$m"; done ;;
  --check)
    [[ "$(models "$cache")" == "$(models "$committed_dir")" ]] \
      || { echo "build-lid-model: built models ($(models "$cache" | tr '\n' ' ')) are not the committed ones ($(models "$committed_dir" | tr '\n' ' '))" >&2; exit 1; }
    for m in $(models "$cache"); do
      cmp -s "$cache/$m" "$committed_dir/$m" || { echo "build-lid-model: .cache/lid/$m differs from $committed_dir/$m" >&2; exit 1; }
    done ;;
esac
