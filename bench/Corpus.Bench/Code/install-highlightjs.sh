#!/usr/bin/env bash
# Installs highlight.js 11.11.1 (its highlightAuto is bench-code-lang's anchor) into
# <repo>/.cache/npm-bench, once. Idempotent and quiet; safe to run from several processes at once.
set -euo pipefail
root="$1"
cache="$root/.cache/npm-bench"
installed() { grep -qs '"version": "11.11.1"' "$cache/node_modules/highlight.js/package.json"; }
installed && exit 0
command -v npm >/dev/null 2>&1 || { echo "install-highlightjs: npm is needed (apt-get install -y nodejs npm)" >&2; exit 1; }
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
installed && exit 0
[[ -f "$cache/package.json" ]] || echo '{"name":"corpus-bench-detectors","private":true,"type":"module"}' > "$cache/package.json"
npm install --prefix "$cache" --no-audit --no-fund --no-save --loglevel=error highlight.js@11.11.1 >/dev/null
installed || { echo "install-highlightjs: highlight.js missing after npm install" >&2; exit 1; }
