using System.Diagnostics;
using System.Globalization;
using Corpus.Cli.Parsing;
using Corpus.Filters.Classification.FastText;
using Corpus.Filters.Languages.Training;

namespace Corpus.Cli.Commands.Lid;

/// <summary><c>corpus lid train</c>: a fastText supervised model from <c>__label__x text</c> lines.</summary>
internal sealed class LidTrainCommand : ICommand
{
    public string Name => "lid train";

    public string Summary => "train a fastText language-ID model on __label__x text lines (defaults: the built-in recipe)";

    public string Usage => "lid train --in FILE --out MODEL [--dim N] [--epoch N] [--lr X] [--word-ngrams N] [--min-count N] [--minn N] [--maxn N] [--bucket N] [--loss softmax|hs|ova|ns] [--seed N]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--in", "FILE", "training lines, '__label__LABEL text'"),
        new("--out", "MODEL", "the model to write (fastText .bin)"),
        new("--dim", "N", $"vector width (default {LidRecipe.TrainingOptions.Dim})"),
        new("--epoch", "N", $"passes over the data (default {LidRecipe.TrainingOptions.Epoch})"),
        new("--lr", "X", $"learning rate (default {LidRecipe.TrainingOptions.LearningRate.ToString(CultureInfo.InvariantCulture)})"),
        new("--word-ngrams", "N", $"longest word n-gram (default {LidRecipe.TrainingOptions.WordNgrams})"),
        new("--min-count", "N", $"minimal word count (default {LidRecipe.TrainingOptions.MinCount})"),
        new("--minn", "N", $"shortest character n-gram (default {LidRecipe.TrainingOptions.MinN})"),
        new("--maxn", "N", $"longest character n-gram, 0 for none (default {LidRecipe.TrainingOptions.MaxN})"),
        new("--bucket", "N", $"hash buckets for n-grams (default {LidRecipe.TrainingOptions.Bucket})"),
        new("--loss", "NAME", "softmax (default), hs, ova or ns"),
        new("--seed", "N", "training seed (default 0)"),
    ];

    public Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; see 'corpus lid train --help'");
        }

        var input = args.Value("--in") ?? throw new UsageException("--in FILE is required");
        var output = args.Value("--out") ?? throw new UsageException("--out MODEL is required");
        var options = ParseOptions(args, LidRecipe.TrainingOptions);
        return Task.FromResult(Train(input, output, options, console, "lid train", ct));
    }

    /// <summary>Trains and saves; prints the time and label count to stderr.</summary>
    internal static int Train(string input, string output, FastTextTrainingOptions options, CliConsole console, string name, CancellationToken ct)
    {
        if (!File.Exists(input))
        {
            console.Error.WriteLine($"corpus {name}: the training file '{input}' does not exist");
            return ExitCodes.Failure;
        }

        var watch = Stopwatch.StartNew();
        try
        {
            var model = FastTextTrainer.Train(input, options, null, ct);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            model.Save(output + ".tmp");
            File.Move(output + ".tmp", output, true);
            console.Error.WriteLine($"corpus {name}: {model.Labels.Count} labels, {new FileInfo(output).Length} bytes -> {output} ({watch.Elapsed.TotalSeconds:F1} s)");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            console.Error.WriteLine($"corpus {name}: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    internal static FastTextTrainingOptions ParseOptions(ParsedArgs args, FastTextTrainingOptions defaults)
    {
        int Int(string option, int current, int min, int max) => args.Value(option) is { } v ? ArgParser.ParseInt(option, v, min, max) : current;
        var lr = defaults.LearningRate;
        if (args.Value("--lr") is { } lrText && (!double.TryParse(lrText, NumberStyles.Float, CultureInfo.InvariantCulture, out lr) || lr <= 0 || lr > 10))
        {
            throw new UsageException($"--lr must be a number in (0, 10], not '{lrText}'");
        }

        var loss = args.Value("--loss") switch
        {
            null => defaults.Loss,
            "softmax" => FastTextLoss.Softmax,
            "hs" => FastTextLoss.HierarchicalSoftmax,
            "ova" => FastTextLoss.OneVsAll,
            "ns" => FastTextLoss.NegativeSampling,
            var other => throw new UsageException($"--loss must be softmax, hs, ova or ns, not '{other}'"),
        };
        return defaults with
        {
            Dim = Int("--dim", defaults.Dim, 1, 1024),
            Epoch = Int("--epoch", defaults.Epoch, 1, 1000),
            LearningRate = lr,
            WordNgrams = Int("--word-ngrams", defaults.WordNgrams, 1, 10),
            MinCount = Int("--min-count", defaults.MinCount, 1, int.MaxValue),
            MinN = Int("--minn", defaults.MinN, 0, 20),
            MaxN = Int("--maxn", defaults.MaxN, 0, 20),
            Bucket = Int("--bucket", defaults.Bucket, 0, 100_000_000),
            Loss = loss,
            Seed = (ulong)Int("--seed", (int)defaults.Seed, 0, int.MaxValue),
        };
    }
}
