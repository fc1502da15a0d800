#!/usr/bin/env bash
# Installs pinned npm packages the benchmarks run beside corpus into <repo>/.cache/npm-bench, once:
#   install-npm-bench.sh ROOT NAME@VERSION...
# (bench-lid: cld3-asm@4.0.0, Google's CLD3 in WebAssembly, and franc-all@7.2.0; bench-code-lang: highlight.js@11.11.1.)
# Idempotent and quiet; safe to run from several processes at once (flock).
set -euo pipefail
root="$1"; shift
cache="$root/.cache/npm-bench"
installed() {
  local spec
  for spec in "$@"; do
    grep -qs "\"version\": \"${spec##*@}\"" "$cache/node_modules/${spec%@*}/package.json" || return 1
  done
}
installed "$@" && exit 0
command -v npm >/dev/null 2>&1 || { echo "install-npm-bench: npm is needed (apt-get install -y nodejs npm)" >&2; exit 1; }
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
installed "$@" && exit 0
[[ -f "$cache/package.json" ]] || echo '{"name":"corpus-bench-detectors","private":true,"type":"module"}' > "$cache/package.json"
npm install --prefix "$cache" --no-audit --no-fund --no-save --loglevel=error "$@" >/dev/null
installed "$@" || { echo "install-npm-bench: $* not all installed after npm install" >&2; exit 1; }
