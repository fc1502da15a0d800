#!/usr/bin/env bash
# Installs Debian's poppler-utils (pdftotext), the anchor 'corpus pdf eval --compare-pdftotext' compares against, once.
# Idempotent and quiet: does nothing when pdftotext is already on PATH.
set -euo pipefail
command -v pdftotext >/dev/null 2>&1 && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "install-pdftotext: pdftotext is missing and apt-get is not available" >&2; exit 1; }
sudo_cmd=""
[[ "$(id -u)" -ne 0 ]] && command -v sudo >/dev/null 2>&1 && sudo_cmd="sudo -n"
$sudo_cmd apt-get install -y -qq poppler-utils >/dev/null 2>&1 || { $sudo_cmd apt-get update -qq >/dev/null 2>&1 && $sudo_cmd apt-get install -y -qq poppler-utils >/dev/null; }
command -v pdftotext >/dev/null 2>&1 || { echo "install-pdftotext: pdftotext missing after apt-get install" >&2; exit 1; }
