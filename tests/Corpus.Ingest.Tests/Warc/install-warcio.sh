#!/usr/bin/env bash
# Installs npm warcio (the JavaScript WARC library of Webrecorder) into <repo>/.cache/npm-test, once.
# Idempotent and quiet; used by WarcioInteropTests as an independent WARC reader.
set -euo pipefail
root="$1"
cache="$root/.cache/npm-test"
[[ -f "$cache/node_modules/warcio/package.json" ]] && exit 0
command -v npm >/dev/null 2>&1 || { echo "install-warcio: npm is needed (apt-get install -y nodejs npm)" >&2; exit 1; }
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
[[ -f "$cache/node_modules/warcio/package.json" ]] && exit 0
npm install --prefix "$cache" --no-audit --no-fund --no-save --loglevel=error warcio@2.4.11 >/dev/null
[[ -f "$cache/node_modules/warcio/package.json" ]] || { echo "install-warcio: warcio missing after npm install" >&2; exit 1; }
