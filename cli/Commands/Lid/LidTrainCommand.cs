using System.Globalization;
using Corpus.Cli.Parsing;
using Corpus.FastText;
using Corpus.Filters.Languages.Training;

namespace Corpus.Cli.Commands.Lid;

/// <summary>
/// <c>corpus lid train</c>: a fastText supervised model from <c>__label__x text</c> lines, or with <c>--engine ngrams</c>
/// a naive Bayes character n-gram model (the kind some language groups' models are).
/// </summary>
internal sealed class LidTrainCommand : ICommand
{
    public string Name => "lid train";

    public string Summary => "train a fastText (or character n-gram) language-ID model on __label__x text lines (defaults: the built-in recipe)";

    public string Usage => "lid train --in FILE --out MODEL [--engine fasttext|ngrams] [--dim N] [--epoch N] [--lr X] [--word-ngrams N] [--min-count N] [--minn N] [--maxn N] [--bucket N] [--loss softmax|hs|ova|ns] [--seed N] [--prior X]";

    // The options only a fastText model has.
    private static readonly string[] FastTextOnly = ["--dim", "--epoch", "--lr", "--word-ngrams", "--bucket", "--loss", "--seed"];

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--in", "FILE", "training lines, '__label__LABEL text'"),
        new("--out", "MODEL", "the model to write (fastText .bin; with --engine ngrams a .ngrams text file)"),
        new("--engine", "NAME", "fasttext (default) or ngrams: naive Bayes over character n-grams, the kind most built-in language groups' models are"),
        new("--dim", "N", $"vector width (default {LidRecipe.TrainingOptions.Dim})"),
        new("--epoch", "N", $"passes over the data (default {LidRecipe.TrainingOptions.Epoch})"),
        new("--lr", "X", $"learning rate (default {LidRecipe.TrainingOptions.LearningRate.ToString(CultureInfo.InvariantCulture)})"),
        new("--word-ngrams", "N", $"longest word n-gram (default {LidRecipe.TrainingOptions.WordNgrams})"),
        new("--min-count", "N", $"minimal word count (default {LidRecipe.TrainingOptions.MinCount}); ngrams: minimal n-gram count (default {LidRecipe.GroupNgramOptions.MinCount})"),
        new("--minn", "N", $"shortest character n-gram (default {LidRecipe.TrainingOptions.MinN}; ngrams {LidRecipe.GroupNgramOptions.MinN})"),
        new("--maxn", "N", $"longest character n-gram, 0 for none (default {LidRecipe.TrainingOptions.MaxN}; ngrams {LidRecipe.GroupNgramOptions.MaxN})"),
        new("--bucket", "N", $"hash buckets for n-grams (default {LidRecipe.TrainingOptions.Bucket})"),
        new("--loss", "NAME", "softmax (default), hs, ova or ns"),
        new("--seed", "N", "training seed (default 0)"),
        new("--prior", "X", $"ngrams: weight of the prior, in n-grams (default {LidRecipe.GroupNgramOptions.Prior.ToString(CultureInfo.InvariantCulture)})"),
    ];

    public Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; see 'corpus lid train --help'");
        }

        var input = args.Value("--in") ?? throw new UsageException("--in FILE is required");
        var output = args.Value("--out") ?? throw new UsageException("--out MODEL is required");
        switch (args.Value("--engine") ?? "fasttext")
        {
            case "fasttext":
                if (args.Value("--prior") is not null)
                {
                    throw new UsageException("--prior is an option of --engine ngrams");
                }

                return Task.FromResult(LidModelTraining.Train(input, output, ParseOptions(args, LidRecipe.TrainingOptions), console, Name, ct));
            case "ngrams":
                if (FastTextOnly.FirstOrDefault(o => args.Value(o) is not null) is { } option)
                {
                    throw new UsageException($"{option} is an option of fastText models, not of --engine ngrams");
                }

                return Task.FromResult(LidModelTraining.TrainNgrams(input, output, ParseNgramOptions(args, LidRecipe.GroupNgramOptions), console, Name, ct));
            case var other:
                throw new UsageException($"--engine must be fasttext or ngrams, not '{other}'");
        }
    }

    private static CharacterNgramOptions ParseNgramOptions(ParsedArgs args, CharacterNgramOptions defaults)
    {
        var minN = args.Value("--minn") is { } a ? ArgParser.ParseInt("--minn", a, 1, 20) : defaults.MinN;
        var maxN = args.Value("--maxn") is { } b ? ArgParser.ParseInt("--maxn", b, minN, 20) : Math.Max(defaults.MaxN, minN);
        var prior = defaults.Prior;
        if (args.Value("--prior") is { } text && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out prior) || !(prior > 0) || double.IsInfinity(prior)))
        {
            throw new UsageException($"--prior must be a positive number, not '{text}'");
        }

        var minCount = args.Value("--min-count") is { } c ? ArgParser.ParseInt("--min-count", c, 1, int.MaxValue) : defaults.MinCount;
        return new CharacterNgramOptions(minN, maxN, prior, minCount);
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
