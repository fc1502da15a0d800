using System.Globalization;
using System.Text;
using Corpus.Cli.Parsing;
using Corpus.FastText;
using Corpus.Filters.Languages;

namespace Corpus.Cli.Commands.Lid;

/// <summary>
/// <c>corpus lid predict</c>: one line of <c>label TAB probability</c> per input line: the identifier's ranking
/// (<see cref="LanguageIdentifier.Rank"/>: script guard, Qwen3 weight, group models), or with <c>--raw</c> the
/// fastText model's own top-k, as <c>fasttext predict-prob</c> prints it.
/// </summary>
internal sealed class LidPredictCommand : ICommand
{
    public string Name => "lid predict";

    public string Summary => "predict the language of each input line (label<TAB>probability, k pairs with --k)";

    public string Usage => "lid predict [--model FILE] [--k N] [--in FILE] [--raw]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--model", "FILE", "a fastText .bin or .ftz model (default: the built-in model); its group models (NAME.group-*.bin, NAME.group-*.ngrams) are used unless --raw"),
        new("--k", "N", "print the N best languages, tab-separated pairs, best first (default 1)"),
        new("--in", "FILE", "input lines (default: standard input); lines are split on LF"),
        new("--raw", null, "the model's own top-k, as fastText's predict gives them (no script guard, Qwen3 weight or group models)"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; see 'corpus lid predict --help'");
        }

        var k = args.Value("--k") is { } kText ? ArgParser.ParseInt("--k", kText, 1, 10_000) : 1;
        Func<Stream, Task> write;
        if (args.Flag("--raw"))
        {
            if (LidModels.Load(args.Value("--model"), console, "lid predict") is not { } model)
            {
                return ExitCodes.Failure;
            }

            write = input => PredictionLines.WriteAsync(model, input, console.Out, k, ct);
        }
        else
        {
            if (LidModels.LoadIdentifier(args.Value("--model"), Ranking(k), console, "lid predict") is not { } identifier)
            {
                return ExitCodes.Failure;
            }

            write = input => PredictionLines.WriteAsync(identifier, input, console.Out, k, ct);
        }

        Stream input;
        try
        {
            input = args.Value("--in") is { } path ? File.OpenRead(path) : console.In;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"corpus lid predict: {e.Message}");
            return ExitCodes.Failure;
        }

        try
        {
            await write(input).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        finally
        {
            if (!ReferenceEquals(input, console.In))
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // The identifier's defaults, searching at least k of the model's labels.
    private static LanguageIdentifierOptions Ranking(int k)
    {
        var defaults = new LanguageIdentifierOptions();
        return defaults with { Candidates = Math.Max(defaults.Candidates, k) };
    }
}
