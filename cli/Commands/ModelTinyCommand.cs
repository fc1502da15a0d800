using System.Globalization;
using System.Text;
using Corpus.Cli.Parsing;
using Corpus.Synth.Gguf;
using Corpus.Tokenizer;

namespace Corpus.Cli.Commands;

/// <summary><c>corpus model tiny</c>: writes a tiny Qwen3-architecture GGUF with random weights and the real Qwen3 tokenizer.</summary>
internal sealed class ModelTinyCommand : ICommand
{
    public string Name => "model tiny";

    public string Summary => "write a tiny Qwen3 GGUF (random seeded weights, the real tokenizer) to test the embedded engine";

    public string Usage => "model tiny --out FILE.gguf [--seed N] [--dim N] [--layers N] [--type f32|f16|q8_0] [--tokenizer FILE]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--out", "FILE", "the GGUF file to write (required)"),
        new("--seed", "N", "seed of the random weights; the same options give the same bytes (default 1)"),
        new("--dim", "N", "hidden size; the feed-forward size is twice it (default 64)"),
        new("--layers", "N", "transformer blocks (default 2)"),
        new("--type", "f32|f16|q8_0", "how the weight matrices are stored: f32, f16, or q8_0 as in the common Qwen3 *-Q8_0.gguf files (default f32)"),
        new("--tokenizer", "FILE", "the Qwen3 tokenizer.json whose vocabulary and merges go in (default: the built-in one)"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; see 'corpus model tiny --help'");
        }

        var output = args.Value("--out") ?? throw new UsageException("'corpus model tiny' needs --out FILE.gguf");
        var options = new TinyQwen3Options();
        if (args.Value("--seed") is { } seed)
        {
            options = options with { Seed = unchecked((ulong)ArgParser.ParseLong("--seed", seed)) };
        }

        if (args.Value("--dim") is { } dim)
        {
            int n = ArgParser.ParseInt("--dim", dim, 1, 16384);
            options = options with { EmbeddingLength = n, FeedForwardLength = 2 * n };
        }

        if (args.Value("--layers") is { } layers)
        {
            options = options with { BlockCount = ArgParser.ParseInt("--layers", layers, 1, 256) };
        }

        if (args.Value("--type") is { } type)
        {
            options = options with
            {
                WeightType = type switch
                {
                    "f32" => TinyQwen3WeightType.F32,
                    "f16" => TinyQwen3WeightType.F16,
                    "q8_0" => TinyQwen3WeightType.Q8_0,
                    _ => throw new UsageException($"--type must be f32, f16 or q8_0, not '{type}'"),
                },
            };
        }

        var tokenizer = args.Value("--tokenizer") ?? QwenTokenizer.DefaultPath;
        if (!File.Exists(tokenizer))
        {
            console.Error.WriteLine($"corpus model tiny: no tokenizer.json at '{tokenizer}'");
            return ExitCodes.Failure;
        }

        try
        {
            TinyQwen3Model.Write(output, options, tokenizer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            console.Error.WriteLine($"corpus model tiny: {e.Message}");
            return ExitCodes.Failure;
        }

        var size = new FileInfo(output).Length;
        var line = string.Create(CultureInfo.InvariantCulture, $"wrote {output}: qwen3, {options.BlockCount} blocks, hidden {options.EmbeddingLength}, {options.WeightType.ToString().ToLowerInvariant()} weights, seed {options.Seed}, {size:N0} bytes\n");
        await console.Out.WriteAsync(Encoding.UTF8.GetBytes(line), ct).ConfigureAwait(false);
        await console.Out.FlushAsync(ct).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
