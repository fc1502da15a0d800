using System.Globalization;
using System.Text;
using Corpus.Cli.Parsing;
using Corpus.Filters.Classification.FastText;

namespace Corpus.Cli.Commands.Lid;

/// <summary><c>corpus lid predict</c>: one line of <c>label TAB probability</c> per input line.</summary>
internal sealed class LidPredictCommand : ICommand
{
    public string Name => "lid predict";

    public string Summary => "predict the language of each input line (label<TAB>probability, k pairs with --k)";

    public string Usage => "lid predict [--model FILE] [--k N] [--in FILE]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--model", "FILE", "a fastText .bin or .ftz model (default: the built-in model)"),
        new("--k", "N", "print the N most probable labels, tab-separated pairs (default 1)"),
        new("--in", "FILE", "input lines (default: standard input); lines are split on LF"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; see 'corpus lid predict --help'");
        }

        var k = args.Value("--k") is { } kText ? ArgParser.ParseInt("--k", kText, 1, 10_000) : 1;
        if (LidModels.Load(args.Value("--model"), console, "lid predict") is not { } model)
        {
            return ExitCodes.Failure;
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
            await PredictionLines.WriteAsync(model, input, console.Out, k, ct).ConfigureAwait(false);
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
}
