using System.Globalization;
using System.Text;
using Corpus.Cli.Parsing;
using Corpus.Filters.Languages;
using Corpus.Filters.Languages.Training;
using Corpus.Ingest.Sample;

namespace Corpus.Cli.Commands.Lid;

/// <summary>
/// <c>corpus lid eval</c>: per-language accuracy of a model on the held-out UDHR paragraphs (articles
/// 5, 10, ..., 30, paragraphs of 100+ characters) or on a <c>__label__x text</c> file, then the macro
/// averages over the Qwen3 languages the model covers and over every label tested. A paragraph's
/// label is the document-level decision (<see cref="LanguageIdentifier"/>) without its threshold.
/// </summary>
internal sealed class LidEvalCommand : ICommand
{
    public string Name => "lid eval";

    public string Summary => "per-language accuracy on the held-out UDHR paragraphs (or --in FILE), macro averages";

    public string Usage => "lid eval [--model FILE] [--udhr] [--in FILE] [--udhr-file FILE]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--model", "FILE", "a fastText model with xxx_Scrp labels (default: the built-in model); the group models beside it (NAME.group-*.bin, NAME.group-*.ngrams) are used too"),
        new("--udhr", null, "evaluate on the held-out UDHR paragraphs (the default without --in)"),
        new("--in", "FILE", "evaluate on '__label__LABEL text' lines instead"),
        new("--udhr-file", "FILE", "the UDHR bundle (default: the one beside the corpus assemblies)"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; see 'corpus lid eval --help'");
        }

        if (args.Flag("--udhr") && args.Value("--in") is not null)
        {
            throw new UsageException("--udhr and --in exclude each other");
        }

        if (LidModels.LoadIdentifier(args.Value("--model"), new LanguageIdentifierOptions { MinScore = 0 }, console, "lid eval") is not { } identifier)
        {
            return ExitCodes.Failure;
        }

        List<LidText> tests;
        try
        {
            tests = args.Value("--in") is { } path
                ? ReadLabelled(path)
                : [.. UdhrLidText.HeldOut(UdhrLibrary.Load(args.Value("--udhr-file")))];
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"corpus lid eval: {e.Message}");
            return ExitCodes.Failure;
        }

        if (tests.Count == 0)
        {
            console.Error.WriteLine("corpus lid eval: no test lines");
            return ExitCodes.Failure;
        }

        var report = Evaluate(identifier, tests, ct);
        var bytes = Encoding.UTF8.GetBytes(report.Table);
        await console.Out.WriteAsync(bytes, ct).ConfigureAwait(false);
        await console.Out.FlushAsync(ct).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>The accuracy table and its macro averages.</summary>
    internal static LidEvalReport Evaluate(LanguageIdentifier identifier, IReadOnlyList<LidText> tests, CancellationToken ct)
    {
        var known = identifier.Languages.Select(l => l.ToString()).ToHashSet(StringComparer.Ordinal);
        var predicted = new string[tests.Count];
        Parallel.For(0, tests.Count, new ParallelOptions { CancellationToken = ct }, i =>
            predicted[i] = identifier.Identify(tests[i].Text).Shares[0].Language.ToString());
        var rows = tests.Select((t, i) => (Gold: t.Label, Predicted: predicted[i]))
            .GroupBy(r => r.Gold, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var n = g.Count();
                var correct = g.Count(r => r.Predicted == g.Key);
                var confusion = g.Where(r => r.Predicted != g.Key).GroupBy(r => r.Predicted, StringComparer.Ordinal)
                    .OrderByDescending(c => c.Count()).ThenBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault();
                return new LidEvalRow(g.Key, Qwen3Languages.Codes.Contains(g.Key), known.Contains(g.Key), n, correct,
                    confusion is null ? null : $"{confusion.Key} ({confusion.Count()})");
            })
            .ToList();

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{"language",-10} {"qwen3",-5} {"model",-5} {"n",5} {"correct",7} {"accuracy",8}  most confused with\n");
        foreach (var r in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Label,-10} {(r.Qwen3 ? "yes" : ""),-5} {(r.InModel ? "yes" : "no"),-5} {r.N,5} {r.Correct,7} {r.Accuracy,8:P1}  {r.Confusion}\n");
        }

        var qwen = rows.Where(r => r.Qwen3 && r.InModel).ToList();
        var covered = rows.Where(r => r.InModel).ToList();
        var macroQwen = qwen.Count == 0 ? 0 : qwen.Average(r => r.Accuracy);
        var macroAll = covered.Count == 0 ? 0 : covered.Average(r => r.Accuracy);
        var micro = (double)rows.Sum(r => r.Correct) / rows.Sum(r => r.N);
        sb.Append(CultureInfo.InvariantCulture, $"\nmacro accuracy, Qwen3 languages the model covers ({qwen.Count}): {macroQwen:P2}\n");
        sb.Append(CultureInfo.InvariantCulture, $"macro accuracy, every label the model covers ({covered.Count}): {macroAll:P2}\n");
        sb.Append(CultureInfo.InvariantCulture, $"micro accuracy, {rows.Sum(r => r.N)} lines: {micro:P2}\n");
        return new LidEvalReport(rows, macroQwen, macroAll, sb.ToString());
    }

    private static List<LidText> ReadLabelled(string path)
    {
        var result = new List<LidText>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (!line.StartsWith("__label__", StringComparison.Ordinal))
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 9)
            {
                result.Add(new LidText(line[9..space], line[(space + 1)..]));
            }
        }

        return result;
    }
}

/// <summary>One language's row of <c>corpus lid eval</c>.</summary>
internal sealed record LidEvalRow(string Label, bool Qwen3, bool InModel, int N, int Correct, string? Confusion)
{
    public double Accuracy => (double)Correct / N;
}

/// <summary>The rows, the macro averages and the printed table.</summary>
internal sealed record LidEvalReport(IReadOnlyList<LidEvalRow> Rows, double MacroQwen3, double MacroAll, string Table);
