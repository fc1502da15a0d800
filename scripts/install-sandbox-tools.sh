#!/usr/bin/env bash
# Makes sure the synth sandbox has what it runs generated code with: a system Python 3 that any user
# can run (/usr/bin/python3; a pyenv under /root is not readable by the sandbox's user) and
# util-linux's unshare and setpriv. Idempotent and quiet: does nothing when they are there; where
# they cannot be installed it says so and the sandbox refuses code as documented (docs/synth.md).
set -uo pipefail
need=()
[[ -x /usr/bin/python3 ]] || need+=(python3)
command -v unshare >/dev/null 2>&1 && command -v setpriv >/dev/null 2>&1 || need+=(util-linux)
[[ ${#need[@]} -eq 0 ]] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-sandbox-tools: missing ${need[*]} and apt-get is not available" >&2
  exit 0
fi
sudo_cmd=""
[[ "$(id -u)" -ne 0 ]] && command -v sudo >/dev/null 2>&1 && sudo_cmd="sudo -n"
$sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 \
  || { $sudo_cmd apt-get update -qq >/dev/null 2>&1 && $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null 2>&1; } \
  || echo "install-sandbox-tools: could not install ${need[*]}" >&2
exit 0
