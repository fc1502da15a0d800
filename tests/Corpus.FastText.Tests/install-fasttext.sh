#!/usr/bin/env bash
# Installs Debian's fasttext (0.9.2), the reference the FastText tests compare against, once.
# Idempotent and quiet: does nothing when a fasttext binary is already on PATH.
set -euo pipefail
command -v fasttext >/dev/null 2>&1 && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "install-fasttext: fasttext is missing and apt-get is not available" >&2; exit 1; }
sudo_cmd=""
[[ "$(id -u)" -ne 0 ]] && command -v sudo >/dev/null 2>&1 && sudo_cmd="sudo -n"
$sudo_cmd apt-get install -y -qq fasttext >/dev/null 2>&1 || { $sudo_cmd apt-get update -qq >/dev/null 2>&1 && $sudo_cmd apt-get install -y -qq fasttext >/dev/null; }
command -v fasttext >/dev/null 2>&1 || { echo "install-fasttext: fasttext missing after apt-get install" >&2; exit 1; }
