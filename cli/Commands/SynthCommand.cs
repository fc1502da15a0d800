using System.Globalization;
using System.Text;
using Corpus.Cli.Parsing;
using Corpus.Pipeline.Synth;
using Corpus.Synth.Engines;
using Corpus.Synth.Generation;
using Corpus.Synth.Recipes;
using Corpus.Synth.Sandbox;
using Corpus.Synth.Verification;
using Corpus.Tokenizer;

namespace Corpus.Cli.Commands;

/// <summary>
/// <c>corpus synth</c>: generates math or code samples with a local Qwen model (embedded llama.cpp or an
/// OpenAI-compatible server), verifies them, and writes the accepted ones to Parquet and the rejected
/// ones, with their reasons, to JSONL.
/// </summary>
/// <param name="verifiers">Makes the verifier the run uses from the sandbox options of the command line (<see cref="SynthVerifierFactory.CreateAsync"/> in the CLI; tests may pass their own).</param>
internal sealed class SynthCommand(Func<SynthVerifierOptions, CancellationToken, Task<ISynthVerifier>> verifiers) : ICommand
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);

    public string Name => "synth";

    public string Summary => "generate verified synthetic math or code samples with a local Qwen model (llama.cpp or an OpenAI-compatible server)";

    public string Usage =>
        "synth --engine llama|openai (--model FILE.gguf | --endpoint URL --model NAME) --task math|code --count N --out FILE_OR_DIR " +
        "[--seeds FILE.jsonl] [--samples-per-problem K] [--thinking on|off] [--thinking-budget N] [--max-tokens N] [--temperature X] [--seed N] [--parallel N]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--engine", "llama|openai", "embedded llama.cpp on a GGUF file, or an OpenAI-compatible server (required)"),
        new("--model", "FILE|NAME", "llama: the GGUF file; openai: the model name the server knows (required)"),
        new("--endpoint", "URL", "openai: the server's root, e.g. http://127.0.0.1:8000 (required with --engine openai)"),
        new("--task", "math|code", "math problems with a \\boxed{} answer, or Python functions with tests (required)"),
        new("--count", "N", "problems to generate (default 16)"),
        new("--out", "FILE_OR_DIR", "a folder (synth/part-*.parquet, rejects/synth-*.jsonl) or a .parquet file (rejects in NAME.rejects.jsonl) (required)"),
        new("--seeds", "FILE.jsonl", "problems with known answers: GSM8K/MATH (question, answer) or HumanEval/MBPP records; problem i is seed i modulo their count"),
        new("--few-shot", "FILE.jsonl", "example problems (same forms as --seeds) shown when the model writes a problem"),
        new("--samples-per-problem", "K", "independent samples per problem, verified together (default 4)"),
        new("--thinking", "on|off", "Qwen3 thinking mode for the samples (default on)"),
        new("--thinking-budget", "N", "most thinking tokens per sample; past it the engine closes </think> and the model answers (default: none)"),
        new("--max-tokens", "N", "most tokens per sample, thinking and answer together (default 2048)"),
        new("--temperature", "X", "sampling temperature (default: Qwen3's, 0.6 thinking, 0.7 not)"),
        new("--top-p", "X", "nucleus sampling (default: Qwen3's, 0.95 thinking, 0.8 not)"),
        new("--top-k", "N", "top-k sampling (default 20)"),
        new("--seed", "N", "seeds the problem picks and every request's sampling (default 0)"),
        new("--parallel", "N", "requests in flight: llama's batch of sequences, or the server's (default 16)"),
        new("--ctx", "N", "llama: KV cache cells shared by all sequences (default parallel x (max-tokens + 1024))"),
        new("--threads", "N", "llama: CPU threads for decoding; 0 takes every core (default 0)"),
        new("--eval-set", "FILE", "an evaluation set (GSM8K, MATH, HumanEval, MBPP JSONL) to decontaminate against; repeatable", Many: true),
        new("--no-dedup", null, "keep near-duplicate accepted samples (default: MinHash dedup as the corpus)"),
        new("--code-timeout", "SECONDS", "wall-clock and CPU limit of each generated program the verifier runs (default 10)"),
        new("--allow-unisolated-code", null, "run generated code even where the machine has no network and process namespaces to isolate it in (default: refuse)"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; see 'corpus synth --help'");
        }

        var engineName = args.Value("--engine") ?? throw new UsageException("'corpus synth' needs --engine llama|openai");
        if (engineName is not ("llama" or "openai"))
        {
            throw new UsageException($"option '--engine' = '{engineName}': expected llama or openai");
        }

        var model = args.Value("--model") ?? throw new UsageException(engineName == "llama" ? "'corpus synth --engine llama' needs --model FILE.gguf" : "'corpus synth --engine openai' needs --model NAME");
        var endpoint = args.Value("--endpoint");
        if (engineName == "openai" && endpoint is null)
        {
            throw new UsageException("'corpus synth --engine openai' needs --endpoint URL");
        }

        if (engineName == "llama" && endpoint is not null)
        {
            throw new UsageException("--endpoint is for --engine openai; --engine llama loads --model FILE.gguf");
        }

        var kind = args.Value("--task") switch
        {
            "math" => SynthTaskKind.Math,
            "code" => SynthTaskKind.Code,
            null => throw new UsageException("'corpus synth' needs --task math|code"),
            var other => throw new UsageException($"option '--task' = '{other}': expected math or code"),
        };
        var output = args.Value("--out") ?? throw new UsageException("'corpus synth' needs --out FILE_OR_DIR");
        bool thinking = args.Value("--thinking") switch
        {
            null or "on" => true,
            "off" => false,
            var other => throw new UsageException($"option '--thinking' = '{other}': expected on or off"),
        };
        int parallel = args.Value("--parallel") is { } p ? ArgParser.ParseInt("--parallel", p, 1, 4096) : 16;
        int maxTokens = args.Value("--max-tokens") is { } m ? ArgParser.ParseInt("--max-tokens", m, 1, 1 << 20) : 2048;
        var generation = new SynthGeneratorOptions
        {
            Model = engineName == "llama" ? Path.GetFileNameWithoutExtension(model) : model,
            Count = args.Value("--count") is { } c ? ArgParser.ParseInt("--count", c, 0, 100_000_000) : 16,
            SamplesPerProblem = args.Value("--samples-per-problem") is { } k ? ArgParser.ParseInt("--samples-per-problem", k, 1, 1024) : 4,
            MaxTokens = maxTokens,
            ProblemMaxTokens = Math.Min(512, maxTokens),
            ThinkingBudget = args.Value("--thinking-budget") is { } b ? ArgParser.ParseInt("--thinking-budget", b, 0, 1 << 20) : null,
            Temperature = args.Value("--temperature") is { } t ? ArgParser.ParseDouble("--temperature", t, 0, 10) : null,
            TopP = args.Value("--top-p") is { } tp ? ArgParser.ParseDouble("--top-p", tp, 0, 1) : null,
            TopK = args.Value("--top-k") is { } tk ? ArgParser.ParseInt("--top-k", tk, 0, 1 << 20) : null,
            Seed = args.Value("--seed") is { } s ? ArgParser.ParseLong("--seed", s) : 0,
            Parallel = parallel,
        };
        int contextSize = args.Value("--ctx") is { } ctx ? ArgParser.ParseInt("--ctx", ctx, 16, 16 << 20) : SynthDefaults.ContextSize(parallel, maxTokens);
        int threads = args.Value("--threads") is { } th ? ArgParser.ParseInt("--threads", th, 0, 1024) : 0;

        var seeds = LoadSeeds(args.Value("--seeds"), kind, console);
        var fewShot = LoadSeeds(args.Value("--few-shot"), kind, console);
        if (seeds is null || fewShot is null)
        {
            return ExitCodes.Failure;
        }

        if (args.Value("--seeds") is { } seedPath && seeds.Count == 0)
        {
            console.Error.WriteLine($"corpus synth: no usable {kind.ToString().ToLowerInvariant()} seeds in '{seedPath}'");
            return ExitCodes.Failure;
        }

        foreach (var evalSet in args.Values("--eval-set"))
        {
            if (!File.Exists(evalSet))
            {
                console.Error.WriteLine($"corpus synth: no evaluation set at '{evalSet}'");
                return ExitCodes.Failure;
            }
        }

        var recipe = SynthRecipes.Create(new SynthRecipeOptions { Kind = kind, Thinking = thinking, Seed = generation.Seed, Seeds = seeds, FewShot = fewShot });
        var codeSeconds = args.Value("--code-timeout") is { } ts ? ArgParser.ParseInt("--code-timeout", ts, 1, 3600) : 10;
        var verifierOptions = SynthDefaults.Verifier(codeSeconds, args.Flag("--allow-unisolated-code"));
        var runOptions = new SynthRunOptions { Output = output, EvalSets = args.Values("--eval-set"), Dedup = !args.Flag("--no-dedup") };

        IChatEngine engine;
        try
        {
            engine = ChatEngines.Create(engineName == "llama"
                ? new ChatEngineChoice { Engine = "llama", Model = model, Parallel = parallel, ContextSize = contextSize, Threads = threads, MaxTokens = maxTokens }
                : new ChatEngineChoice { Engine = "openai", Endpoint = ParseEndpoint(endpoint!), Parallel = parallel, CountTokens = CountTokens() });
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"corpus synth: could not load the model '{model}': {e.Message}");
            return ExitCodes.Failure;
        }

        try
        {
            var progress = new SynthProgressLine(console.Error, ProgressEvery);
            var verifier = await verifiers(verifierOptions, ct).ConfigureAwait(false);
            var result = await SynthRunner.RunAsync(engine, recipe, verifier, generation, runOptions, new InlineProgress<SynthProgress>(progress.Report), ct).ConfigureAwait(false);
            progress.Finish();
            var summary = new StringBuilder();
            summary.Append(CultureInfo.InvariantCulture, $"synth: {result.Accepted} accepted -> {string.Join(", ", result.Parts)}\n");
            summary.Append(CultureInfo.InvariantCulture, $"synth: {result.Rejected} rejected -> {string.Join(", ", result.RejectFiles)}");
            if (result.RejectedBy.Count > 0)
            {
                summary.Append(" (").Append(string.Join(", ", result.RejectedBy.Select(r => $"{r.Key} {r.Value}"))).Append(')');
            }

            summary.Append('\n');
            await console.Out.WriteAsync(Encoding.UTF8.GetBytes(summary.ToString()), ct).ConfigureAwait(false);
            await console.Out.FlushAsync(ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            console.Error.WriteLine($"corpus synth: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (SandboxUnavailableException e)
        {
            console.Error.WriteLine($"corpus synth: generated code cannot be verified safely here: {e.Message} (pass --allow-unisolated-code to run it without network and process isolation)");
            return ExitCodes.Failure;
        }
        finally
        {
            (engine as IDisposable)?.Dispose();
        }
    }

    private static Uri ParseEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new UsageException($"option '--endpoint' = '{endpoint}': expected an http:// or https:// URL");

    /// <summary>The project's Qwen3 tokenizer counts reasoning for the openai engine's budget; null when its data is missing.</summary>
    private static Func<string, int>? CountTokens()
    {
        if (!File.Exists(QwenTokenizer.DefaultPath))
        {
            return null;
        }

        var tokenizer = QwenTokenizer.LoadDefault();
        return text => tokenizer.Encode(text).Length;
    }

    /// <summary>The seeds of a file (null path: none); bad lines are reported, not fatal. Null when the file is missing.</summary>
    private static IReadOnlyList<SeedProblem>? LoadSeeds(string? path, SynthTaskKind kind, CliConsole console)
    {
        if (path is null)
        {
            return [];
        }

        if (!File.Exists(path))
        {
            console.Error.WriteLine($"corpus synth: no seeds file at '{path}'");
            return null;
        }

        var set = SeedFile.Load(path, kind);
        foreach (var error in set.Errors)
        {
            console.Error.WriteLine($"corpus synth: skipped {error}");
        }

        return set.Problems;
    }
}
