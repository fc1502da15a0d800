#!/usr/bin/env bash
# Installs Debian's chromium, the headless browser the report screenshot test renders with, once.
# Idempotent and quiet: does nothing when a chromium binary is already on PATH.
set -euo pipefail
command -v chromium >/dev/null 2>&1 && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "install-chromium: chromium is missing and apt-get is not available" >&2; exit 1; }
sudo_cmd=""
[[ "$(id -u)" -ne 0 ]] && command -v sudo >/dev/null 2>&1 && sudo_cmd="sudo -n"
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get install -y -qq chromium >/dev/null 2>&1 || { $sudo_cmd apt-get update -qq >/dev/null 2>&1 && $sudo_cmd apt-get install -y -qq chromium >/dev/null; }
command -v chromium >/dev/null 2>&1 || { echo "install-chromium: chromium missing after apt-get install" >&2; exit 1; }
