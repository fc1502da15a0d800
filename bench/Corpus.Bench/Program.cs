using BenchmarkDotNet.Running;
using Corpus.Bench.Html;
using Corpus.Bench.Tokenizer;

// dotnet run -c Release --project bench/Corpus.Bench -- compare-tokenizers [ROUNDS] [INPUT]
//     side by side, one process: corpus vs Hugging Face tokenizers vs ML.Tokenizers, MB/s and ratios
// dotnet run -c Release --project bench/Corpus.Bench -- tokenizer-scaling [ROUNDS] [INPUTS]
//     one thread vs all cores for EncodeBatch, EncodeStream and the encoder alone on each input (INPUTS: names,
//     comma-separated; cjk-cmn, cjk-jpn, cjk-kor too), beside the machine's ceiling, interleaved rounds
// dotnet run -c Release --project bench/Corpus.Bench -- tokenize-process [MB]
//     'corpus tokenize' on an MB-sized UDHR file as a whole process vs Tokenizers.DotNet line by line
// dotnet run -c Release --project bench/Corpus.Bench -- eval-warc FOLDER
//     reads every WARC file under FOLDER, prints records, rejects and digest checks per file
// dotnet run -c Release --project bench/Corpus.Bench -- eval-html EVAL_FOLDER [--verbose]
//     trafilatura's evaluation (snippets that must / must not appear): precision, recall, F1
// dotnet run -c Release --project bench/Corpus.Bench -- eval-articles ARTICLE_BENCHMARK_FOLDER
//     scrapinghub's article-extraction-benchmark: token precision, recall, F1 against articleBody
// dotnet run -c Release --project bench/Corpus.Bench -- bench-html EVAL_FOLDER [ROUNDS]
//     side by side, single thread: pages/s of MainContentExtractor vs python3-readability
// dotnet run -c Release --project bench/Corpus.Bench -- bench-html-scaling [ROUNDS] [--raw-parse]
//     single thread: MainContentExtractor on generated pages 10k..160k nested divs deep and 30k..480k paragraphs wide,
//     user-mode CPU seconds per page (equal work per sample), ratio per doubling and fitted exponent beside
//     AngleSharp's parse alone, user+sys beside; fails past 2.3x a doubling
// dotnet run -c Release --project bench/Corpus.Bench -- bench-crawl
//     crawls the bundled sample site (politeness off, WARC on): pages/s and memory, beside GNU wget
// dotnet run -c Release --project bench/Corpus.Bench -- bench-dedup-quality [PAIRS_PER_TARGET]
//     documents and copies edited to known Jaccard similarities: recall >= 0.85, merge rate <= 0.5
// dotnet run -c Release --project bench/Corpus.Bench -- bench-minhash [DOCS] [ROUNDS]
//     one thread: MinHash signatures/s on 2 KB documents beside a datatrove-style reference
// dotnet run -c Release --project bench/Corpus.Bench -- bench-dedup-memory [N]
//     dedup of N generated 2 KB documents: time and peak working set
// dotnet run -c Release --project bench/Corpus.Bench -- bench-filters [DOCS] [ROUNDS]
//     quality-filter docs/s on 2 KB documents beside plainly written Gopher rules
// dotnet run -c Release --project bench/Corpus.Bench -- bench-code-lang [--root DIR]... [--per-language N] [--offset N] [--max-chars N] [--tools corpus,hljs] [--report FILE] [--errors FILE]
// dotnet run -c Release --project bench/Corpus.Bench -- bench-lid [--udhr] [--ntrex DIR] [--in FILE] [--model FILE] [--limit-per-language N]
//     language ID side by side on the same held-out lines: corpus vs CLD3, franc and Lingua, per language
// dotnet run -c Release --project bench/Corpus.Bench -- bench-fasttext [--model PATH] [--quantize] [LINES] [ROUNDS]
//     one thread: FastTextModel predictions/s on 200-character lines beside `fasttext predict-prob`, same top-1 on every line
// dotnet run -c Release --project bench/Corpus.Bench -- bench-packing [DOCS] [CONTEXT] [ROUNDS]
//     one thread: best-fit packing beside concatenate-and-chop on the same seeded lengths, truncations, padding, sequences/s
// dotnet run -c Release --project bench/Corpus.Bench -- bench-llama-batch [TOKENS] [ROUNDS] [THREADS] [DIM] [LAYERS] [f32|f16|q8_0]
//     embedded llama.cpp on the tiny Qwen3 GGUF: output tokens/s at 1, 4, 16 and 64 concurrent requests, ratio 16/1
//     (without DIM: hidden 64 and hidden 256, 2 blocks each)
// dotnet run -c Release --project bench/Corpus.Bench -- bench-cluster [--repeat N] [--copies N] [--files-per-task N] [--timeout SECONDS] [--keep] [--wait-quiet SECONDS] [--probe-only]
//     corpus build as processes: the sample build's documents/s per core, then the filter phase with 2 cluster worker
//     processes over 1, beside one process with --workers 2 over --workers 1; outputs byte-identical (needs the CLI built)
// dotnet run -c Release --project bench/Corpus.Bench -- fuzz-ingest EVAL_FOLDER [--files N] [--seed S] [--seconds-limit X] [--lanes N] [--keep DIR] [--cli FILE]
//     N files mutated (seeded flips, truncations, splices, repeats, tokens) from EVAL_FOLDER's pdf/, html/ and warc/ files,
//     read as a build's ingest reads them (PDFs in worker processes), in child processes: documents, rejects by reason,
//     worker and reading processes lost, files past the per-document limit not rejected as timeout, the slowest file
// dotnet run -c Release --project bench/Corpus.Bench -- bench-build-memory [--docs 100000,500000] [--work DIR] [--heap-limit 0x40000000] [--limited-only] [--generate-only] [--cli FILE]
//     corpus build as a process over generated ~5 KB documents in many languages at each size: peak resident memory and
//     each phase's peak (resident memory each second in OUT.rss.csv); the largest again under DOTNET_GCHeapHardLimit,
//     no failed attempt, the same manifest (needs the CLI built); --generate-only writes the inputs and stops
// dotnet run -c Release --project bench/Corpus.Bench -- [BenchmarkDotNet arguments]
if (args.Length > 0 && args[0] == "bench-llama-batch")
{
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    if (args.Length > 4)
    {
        return await Corpus.Bench.Synth.LlamaBatchBenchmark.RunAsync(Arg(1, 64), Arg(2, 3), Arg(3, 0), Arg(4, 64), Arg(5, 2), args.Length > 6 ? Enum.Parse<Corpus.Synth.Gguf.TinyQwen3WeightType>(args[6], ignoreCase: true) : Corpus.Synth.Gguf.TinyQwen3WeightType.F32);
    }

    // Without a size: the test suite's tiny model (hidden 64), then one whose weights, not its per-token work, decide.
    var small = await Corpus.Bench.Synth.LlamaBatchBenchmark.RunAsync(Arg(1, 64), Arg(2, 3), Arg(3, 0), 64, 2);
    return small != 0 ? small : await Corpus.Bench.Synth.LlamaBatchBenchmark.RunAsync(Arg(1, 64), Arg(2, 3), Arg(3, 0), 256, 2);
}

if (args.Length > 0 && args[0] == "bench-build-memory")
{
    return Corpus.Bench.Build.BuildMemoryBenchmark.Run(args);
}

if (args.Length > 0 && args[0] == "fuzz-ingest")
{
    return Corpus.Bench.Ingest.FuzzIngest.Run(args[1..]);
}

if (args.Length > 3 && args[0] == "fuzz-ingest-child")
{
    return Corpus.Bench.Ingest.FuzzReader.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
}

if (args.Length > 0 && args[0] == "bench-cluster")
{
    return await Corpus.Bench.Cluster.ClusterBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "compare-tokenizers")
{
    var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
    return TokenizerComparison.Run(rounds, args.Length > 2 ? args[2] : null);
}

if (args.Length > 0 && args[0] == "tokenizer-scaling")
{
    return TokenizerScaling.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8, args.Length > 2 ? args[2] : null);
}

if (args.Length > 0 && args[0] == "tokenize-process")
{
    return TokenizerComparison.RunProcess(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50);
}

if (args.Length > 1 && args[0] == "eval-warc")
{
    return Corpus.Bench.Warc.WarcEvaluation.Run(args[1]);
}

if (args.Length > 1 && args[0] == "eval-html")
{
    return HtmlEvaluation.Run(args[1], args.Contains("--verbose"));
}

if (args.Length > 1 && args[0] == "eval-articles")
{
    return ArticleBodyEvaluation.Run(args[1]);
}

if (args.Length > 1 && args[0] == "bench-html")
{
    var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
    return HtmlSpeedComparison.Run(args[1], rounds);
}

if (args.Length > 1 && args[0] == "bench-pdf-isolation")
{
    var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
    return Corpus.Bench.Pdf.PdfIsolationComparison.Run(args[1], rounds, args.Length > 3 ? args[3] : null);
}

if (args.Length > 0 && args[0] == "bench-html-scaling")
{
    var rest = args.Skip(1).ToList();
    var rawParse = rest.Remove("--raw-parse");
    return HtmlScalingBenchmark.Run(rest.Count > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 3, rawParse);
}

if (args.Length > 0 && args[0] == "bench-crawl")
{
    return await Corpus.Bench.Crawl.CrawlBenchmark.RunAsync();
}

if (args.Length > 0 && args[0] is "bench-dedup-quality" or "bench-minhash" or "bench-dedup-memory")
{
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    return args[0] switch
    {
        "bench-dedup-quality" => Corpus.Bench.Dedup.DedupBenchmarks.Quality(Arg(1, 200)),
        "bench-minhash" => Corpus.Bench.Dedup.DedupBenchmarks.Speed(Arg(1, 20000), Arg(2, 3)),
        _ => Corpus.Bench.Dedup.DedupBenchmarks.Memory(Arg(1, 200000)),
    };
}

if (args.Length > 0 && args[0] == "bench-packing")
{
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    return Corpus.Bench.Shards.PackingBenchmark.Run(Arg(1, 200_000), Arg(2, 4096), Arg(3, 3));
}

if (args.Length > 0 && args[0] == "bench-filters")
{
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    return Corpus.Bench.Filters.FilterBenchmark.Run(Arg(1, 5000), Arg(2, 3));
}

if (args.Length > 1 && args[0] == "bench-filter-profile")
{
    return await Corpus.Bench.Filters.FilterPhaseProfile.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
}

if (args.Length > 1 && args[0] == "bench-part-read")
{
    return await Corpus.Bench.Storage.PartReadBenchmark.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
}

if (args.Length > 0 && args[0] == "bench-lid")
{
    return Corpus.Bench.LanguageId.LanguageIdBenchmark.Run(args);
}

if (args.Length > 0 && args[0] == "bench-code-lang")
{
    return Corpus.Bench.Code.CodeLanguageBenchmark.Run(args);
}

if (args.Length > 0 && args[0] == "bench-fasttext")
{
    var rest = args.Skip(1).ToList();
    string? model = null;
    var at = rest.IndexOf("--model");
    if (at >= 0 && at + 1 < rest.Count)
    {
        model = rest[at + 1];
        rest.RemoveRange(at, 2);
    }

    int Arg(int i, int fallback) => rest.Count > i ? int.Parse(rest[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    var quantize = rest.Remove("--quantize");
    return Corpus.Bench.Classification.FastTextBenchmark.Run(model, quantize, Arg(0, 20000), Arg(1, 3));
}

BenchmarkSwitcher.FromAssembly(typeof(TokenizerComparison).Assembly).Run(args);
return 0;
