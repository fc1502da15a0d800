using System.Diagnostics;
using System.Globalization;
using System.Text;
using Corpus.Cli.Parsing;
using Corpus.Filters.Classification;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Classify;
using Corpus.Synth.Engines;

namespace Corpus.Cli.Commands;

/// <summary>
/// <c>corpus classify annotate</c>: a chat model grades a seeded sample of a build's documents: one behind an
/// OpenAI-compatible endpoint, or the local Qwen model on the embedded llama.cpp engine (the synth engines).
/// </summary>
internal sealed class ClassifyAnnotateCommand : ICommand
{
    public string Name => "classify annotate";

    public string Summary => "grade a sample of a build's documents (edu score 0-5, domain) with a chat model: an OpenAI-compatible endpoint or a local GGUF on llama.cpp";

    public string Usage => "classify annotate --build DIR (--endpoint URL --model NAME | --engine llama --model FILE.gguf [--ctx N] [--threads N]) [--sample N | --rate R] [--concurrency N] [--seed N] [--from DIR] [--max-chars N] [--max-tokens N] [--think] [--timeout SECONDS]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--build", "DIR", "the build folder; annotations go to DIR/annotations/"),
        new("--engine", "openai|llama", "an OpenAI-compatible server (the default), or the embedded llama.cpp engine on a GGUF file"),
        new("--endpoint", "URL", "openai: the server's base URL (requests go to URL/v1/chat/completions)"),
        new("--model", "NAME|FILE", "openai: the model name the server knows; llama: the GGUF file"),
        new("--ctx", "N", "llama: KV cache cells shared by the sequences (default concurrency x (max-tokens + max-chars + 1024))"),
        new("--threads", "N", "llama: CPU threads for decoding; 0 takes every core (default 0)"),
        new("--sample", "N", "annotate the N documents with the smallest seeded id hashes"),
        new("--rate", "R", "annotate documents whose seeded id hash is below R (0 < R <= 1)"),
        new("--concurrency", "N", "requests in flight at once: the server's, or llama's batch of sequences (default 16; llama 4)"),
        new("--seed", "N", "seed of the sample (default 0)"),
        new("--from", "DIR", "document parts under the build folder (default: dedup/kept, filtered or docs, the last that exists)"),
        new("--max-chars", "N", "characters of each document put in the prompt (default 6000)"),
        new("--timeout", "SECONDS", "openai: per-request timeout (default 120)"),
        new("--think", null, "let a Qwen3 model think before answering (default: /no_think; raise --max-tokens to match)"),
        new("--max-tokens", "N", "most tokens per answer (default 512)"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; see 'corpus {Name} --help'");
        }

        var build = args.Value("--build") ?? throw new UsageException($"'corpus {Name}' needs --build DIR");
        var llama = args.Value("--engine") switch
        {
            null or "openai" => false,
            "llama" => true,
            var other => throw new UsageException($"option '--engine' = '{other}': expected openai or llama"),
        };
        var model = args.Value("--model") ?? throw new UsageException(llama ? $"'corpus {Name} --engine llama' needs --model FILE.gguf" : $"'corpus {Name}' needs --model NAME");
        Uri? baseUrl = null;
        if (llama)
        {
            if (args.Value("--endpoint") is not null)
            {
                throw new UsageException("--endpoint is for --engine openai; --engine llama loads --model FILE.gguf");
            }
        }
        else
        {
            var endpoint = args.Value("--endpoint") ?? throw new UsageException($"'corpus {Name}' needs --endpoint URL (or --engine llama --model FILE.gguf)");
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"option '--endpoint' = '{endpoint}': expected an http:// or https:// URL");
            }
        }

        if (args.Value("--sample") is not null && args.Value("--rate") is not null)
        {
            throw new UsageException("give --sample or --rate, not both");
        }

        var options = new AnnotateOptions
        {
            BuildDir = build,
            Model = llama ? Path.GetFileNameWithoutExtension(model) : model,
            InputDir = args.Value("--from"),
            SampleSize = args.Value("--sample") is { } n ? ArgParser.ParseInt("--sample", n, 1, int.MaxValue) : null,
            SampleRate = args.Value("--rate") is { } r ? ParseRate(r) : null,
            Seed = args.Value("--seed") is { } s ? (ulong)ArgParser.ParseLong("--seed", s) : 0,
            Concurrency = args.Value("--concurrency") is { } c ? ArgParser.ParseInt("--concurrency", c, 1, 4096) : llama ? 4 : 16,
            Thinking = args.Flag("--think"),
            MaxTokens = args.Value("--max-tokens") is { } mt ? ArgParser.ParseInt("--max-tokens", mt, 16, 1_000_000) : 512,
            Prompt = new EduPromptOptions { MaxDocumentChars = args.Value("--max-chars") is { } m ? ArgParser.ParseInt("--max-chars", m, 100, 1_000_000) : 6000 },
        };
        var timeout = args.Value("--timeout") is { } t ? ArgParser.ParseInt("--timeout", t, 1, 86_400) : 120;
        var contextSize = args.Value("--ctx") is { } ctx
            ? ArgParser.ParseInt("--ctx", ctx, 16, 16 << 20)
            : options.Concurrency * (options.MaxTokens + options.Prompt.MaxDocumentChars + 1024); // characters bound the document's tokens
        var threads = args.Value("--threads") is { } th ? ArgParser.ParseInt("--threads", th, 0, 1024) : 0;
        IChatEngine engine;
        try
        {
            engine = ChatEngines.Create(llama
                ? new ChatEngineChoice { Engine = "llama", Model = model, Parallel = options.Concurrency, ContextSize = contextSize, Threads = threads, MaxTokens = options.MaxTokens }
                : new ChatEngineChoice
                {
                    Engine = "openai",
                    Endpoint = baseUrl!,
                    Parallel = options.Concurrency,
                    RequestTimeout = TimeSpan.FromSeconds(timeout),
                    ApiKey = Environment.GetEnvironmentVariable("CORPUS_API_KEY") ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY"),
                });
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"corpus {Name}: could not load the model '{model}': {e.Message}");
            return ExitCodes.Failure;
        }

        using var disposeEngine = engine as IDisposable;
        var clock = Stopwatch.StartNew();
        var lastReport = Stopwatch.StartNew();
        var gate = new Lock();
        var progress = new InlineProgress<AnnotateProgress>(p =>
        {
            lock (gate)
            {
                if (lastReport.ElapsedMilliseconds < 1000)
                {
                    return;
                }

                lastReport.Restart();
                var rate = p.Done / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"annotate: {p.Done:N0} answered ({rate:N1}/s), {p.Failed:N0} without annotation"));
            }
        });
        try
        {
            var result = await Annotator.AnnotateAsync(options, engine, progress, ct).ConfigureAwait(false);
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"annotated {result.Annotated:N0} of {result.Sampled:N0} sampled documents ({result.Documents:N0} in {result.InputDir}) into {Path.Combine(build, Annotator.AnnotationsDir)}");
            foreach (var (reason, count) in result.Failures)
            {
                sb.Append(CultureInfo.InvariantCulture, $", {count:N0} {reason}");
            }

            if (result.Skipped > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $", {result.Skipped:N0} from an earlier run");
            }

            await console.Out.WriteAsync(Encoding.UTF8.GetBytes(sb.Append('\n').ToString()), ct).ConfigureAwait(false);
            await console.Out.FlushAsync(ct).ConfigureAwait(false);
            if (result.Sampled > 0 && result.Annotated == 0)
            {
                console.Error.WriteLine($"corpus {Name}: no document got an annotation; the reasons are in {Path.Combine(build, Annotator.AnnotationsDir)}/failed-*.parquet");
                return ExitCodes.Failure;
            }

            return ExitCodes.Success;
        }
        catch (BuildException e)
        {
            console.Error.WriteLine($"corpus {Name}: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static double ParseRate(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0 && r <= 1
            ? r
            : throw new UsageException($"option '--rate' = '{value}': expected a number in (0, 1]");
}
