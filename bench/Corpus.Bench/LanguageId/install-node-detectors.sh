#!/usr/bin/env bash
# Installs the Node.js language detectors bench-lid runs beside corpus, into <repo>/.cache/npm-bench, once:
#   cld3-asm 4.0.0  (Google's CLD3 compiled to WebAssembly)
#   franc-all 7.2.0 (franc with all of its 414 languages)
# Idempotent and quiet; safe to run from several processes at once (flock).
set -euo pipefail
root="$1"
cache="$root/.cache/npm-bench"
installed() { [[ -f "$cache/node_modules/cld3-asm/package.json" && -f "$cache/node_modules/franc-all/package.json" ]]; }
installed && exit 0
command -v npm >/dev/null 2>&1 || { echo "install-node-detectors: npm is needed (apt-get install -y nodejs npm)" >&2; exit 1; }
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
installed && exit 0
[[ -f "$cache/package.json" ]] || echo '{"name":"corpus-bench-detectors","private":true,"type":"module"}' > "$cache/package.json"
npm install --prefix "$cache" --no-audit --no-fund --no-save --loglevel=error cld3-asm@4.0.0 franc-all@7.2.0 >/dev/null
installed || { echo "install-node-detectors: cld3-asm or franc-all missing after npm install" >&2; exit 1; }
