using BenchmarkDotNet.Running;
using Corpus.Bench.Html;
using Corpus.Bench.Tokenizer;

// dotnet run -c Release --project bench/Corpus.Bench -- compare-tokenizers [ROUNDS] [INPUT]
//     side by side, one process: corpus vs Hugging Face tokenizers vs ML.Tokenizers, MB/s and ratios
// dotnet run -c Release --project bench/Corpus.Bench -- tokenizer-scaling [ROUNDS]
//     EncodeBatch on one thread vs all cores, interleaved rounds over UDHR x4
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
// dotnet run -c Release --project bench/Corpus.Bench -- bench-crawl
//     crawls the bundled sample site (politeness off, WARC on): pages/s and memory, beside GNU wget
// dotnet run -c Release --project bench/Corpus.Bench -- [BenchmarkDotNet arguments]
if (args.Length > 0 && args[0] == "compare-tokenizers")
{
    var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
    return TokenizerComparison.Run(rounds, args.Length > 2 ? args[2] : null);
}

if (args.Length > 0 && args[0] == "tokenizer-scaling")
{
    return TokenizerComparison.RunScaling(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5, 4);
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

if (args.Length > 0 && args[0] == "bench-crawl")
{
    return await Corpus.Bench.Crawl.CrawlBenchmark.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(TokenizerComparison).Assembly).Run(args);
return 0;
