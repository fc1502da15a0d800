#!/usr/bin/env bash
# Coverage-guided fuzzing of ingest/'s parsers with SharpFuzz and AFL++.
#
#   bench/fuzz/run-sharpfuzz.sh SECONDS [TARGET...]
#
# Installs what is missing (Debian's afl++, the SharpFuzz.CommandLine dotnet tool into .cache/tools),
# publishes bench/Corpus.Fuzz into .cache/fuzz/bin, instruments Corpus.Ingest.dll (the Warc and Web
# namespaces) and Corpus.Core.dll (Text, for NFC) there, writes the seeds (test literals, the sample
# site, WarcWriter output), then runs afl-fuzz for SECONDS on each target in turn (all six by default:
# warc http robots url charset sitemap) and prints execs, paths, crashes and hangs per target.
# Findings stay in .cache/fuzz/findings/TARGET/default/{crashes,hangs}; replay one with
#   dotnet .cache/fuzz/bin/Corpus.Fuzz.dll run TARGET FILE
# FUZZ_TIMEOUT_MS (default 3000) is afl-fuzz -t: an input that runs longer is a hang.
set -euo pipefail

if [[ $# -lt 1 || ! $1 =~ ^[0-9]+$ ]]; then
    echo "usage: $0 SECONDS [TARGET...]" >&2
    exit 2
fi

seconds=$1
shift
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=(warc http robots url charset sitemap)
fi

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=.cache/fuzz
timeout_ms=${FUZZ_TIMEOUT_MS:-3000}

if ! command -v afl-fuzz > /dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ > /dev/null
fi

sharpfuzz=.cache/tools/sharpfuzz
if [[ ! -x $sharpfuzz ]]; then
    dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path .cache/tools > /dev/null
fi

# bin/ stays as built (seeds and replays run there: instrumented code runs only under the fork server);
# afl-bin/ is a fresh copy each time, since SharpFuzz refuses an assembly it has already instrumented.
rm -rf "$work/bin" "$work/afl-bin" "$work/seeds"
dotnet publish bench/Corpus.Fuzz/Corpus.Fuzz.csproj -c Release -o "$work/bin" --nologo -v q -clp:NoSummary > /dev/null
cp -r "$work/bin" "$work/afl-bin"
"$sharpfuzz" "$work/afl-bin/Corpus.Ingest.dll" Corpus.Ingest.Warc Corpus.Ingest.Web > /dev/null
"$sharpfuzz" "$work/afl-bin/Corpus.Core.dll" Corpus.Core.Text > /dev/null
dotnet "$work/bin/Corpus.Fuzz.dll" seeds "$work/seeds" "$root"

export AFL_SKIP_BIN_CHECK=1                     # the target is dotnet; the instrumentation is in the assemblies
export AFL_NO_UI=1
export AFL_SKIP_CPUFREQ=1
export AFL_NO_AFFINITY=1                        # a shared machine: no pinning to a core
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1  # core_pattern is the host's
export AFL_FORKSRV_INIT_TMOUT=${AFL_FORKSRV_INIT_TMOUT:-30000}  # the first input also starts a .NET process

for target in "${targets[@]}"; do
    out="$work/findings/$target"
    rm -rf "$out"
    mkdir -p "$out"
    echo "fuzzing $target for ${seconds}s (-t ${timeout_ms})"
    afl-fuzz -V "$seconds" -t "$timeout_ms" -m none -i "$work/seeds/$target" -o "$out" \
        -- dotnet "$work/afl-bin/Corpus.Fuzz.dll" "$target" > "$out/afl.log" 2>&1 || {
        echo "afl-fuzz failed on $target; the end of its log:" >&2
        tail -n 20 "$out/afl.log" >&2
        exit 1
    }
done

stat() { awk -F' *: *' -v k="$2" '$1 == k { print $2 }' "$1"; }
printf '\n%-8s %12s %8s %8s %8s %10s\n' target execs paths crashes hangs execs/s
for target in "${targets[@]}"; do
    stats="$work/findings/$target/default/fuzzer_stats"
    printf '%-8s %12s %8s %8s %8s %10s\n' "$target" "$(stat "$stats" execs_done)" "$(stat "$stats" corpus_count)" \
        "$(stat "$stats" saved_crashes)" "$(stat "$stats" saved_hangs)" "$(stat "$stats" execs_per_sec)"
done
