using System.Globalization;
using System.Text;
using Corpus.Cli.Parsing;
using Corpus.FastText;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Classify;

namespace Corpus.Cli.Commands;

/// <summary><c>corpus classify train</c>: fastText edu and domain classifiers from a build's annotations.</summary>
internal sealed class ClassifyTrainCommand : ICommand
{
    public string Name => "classify train";

    public string Summary => "train the edu-score and domain classifiers (fastText) from a build's annotations";

    public string Usage => "classify train --build DIR --out DIR [--seed N] [--validation R] [--epoch N] [--dim N] [--lr X] [--word-ngrams N] [--from DIR]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--build", "DIR", "the build folder with annotations/ (from 'corpus classify annotate')"),
        new("--out", "DIR", "where the training files and edu.bin, domain.bin go"),
        new("--seed", "N", "seed of the train/validation split and of training (default 0)"),
        new("--validation", "R", "share of annotated documents held back for validation (default 0.1)"),
        new("--epoch", "N", "training epochs (default 25)"),
        new("--dim", "N", "vector dimension (default 64)"),
        new("--lr", "X", "learning rate (default 0.5)"),
        new("--word-ngrams", "N", "longest word n-gram (default 2)"),
        new("--from", "DIR", "document parts under the build folder (default: dedup/kept, filtered or docs, the last that exists)"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; see 'corpus {Name} --help'");
        }

        var build = args.Value("--build") ?? throw new UsageException($"'corpus {Name}' needs --build DIR");
        var output = args.Value("--out") ?? throw new UsageException($"'corpus {Name}' needs --out DIR");
        var fastText = TrainOptions.DefaultFastText;
        fastText = fastText with
        {
            Epoch = args.Value("--epoch") is { } ep ? ArgParser.ParseInt("--epoch", ep, 1, 10_000) : fastText.Epoch,
            Dim = args.Value("--dim") is { } d ? ArgParser.ParseInt("--dim", d, 1, 4096) : fastText.Dim,
            LearningRate = args.Value("--lr") is { } lr ? ArgParser.ParseDouble("--lr", lr, 1e-6, 10) : fastText.LearningRate,
            WordNgrams = args.Value("--word-ngrams") is { } w ? ArgParser.ParseInt("--word-ngrams", w, 1, 10) : fastText.WordNgrams,
        };
        var options = new TrainOptions
        {
            BuildDir = build,
            OutDir = output,
            InputDir = args.Value("--from"),
            Seed = args.Value("--seed") is { } s ? (ulong)ArgParser.ParseLong("--seed", s) : 0,
            ValidationShare = args.Value("--validation") is { } v ? ArgParser.ParseDouble("--validation", v, 0, 0.99) : 0.1,
            Edu = fastText,
            Domain = fastText,
        };
        try
        {
            var result = await ClassifierTraining.TrainAsync(options, line => console.Error.WriteLine($"classify train: {line}"), ct).ConfigureAwait(false);
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"trained {result.EduModel} and {result.DomainModel} on {result.TrainExamples:N0} documents, validated on {result.ValidationExamples:N0}");
            if (result.MissingTexts > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $" ({result.MissingTexts:N0} annotated documents not found in the build)");
            }

            sb.Append('\n');
            if (result.EduValidation is { } edu)
            {
                EvaluationTable.Append(sb, "edu", edu);
            }

            if (result.DomainValidation is { } domain)
            {
                EvaluationTable.Append(sb, "domain", domain);
            }

            await console.Out.WriteAsync(Encoding.UTF8.GetBytes(sb.ToString()), ct).ConfigureAwait(false);
            await console.Out.FlushAsync(ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (BuildException e)
        {
            console.Error.WriteLine($"corpus {Name}: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}

/// <summary><c>corpus classify predict</c>: labels and probabilities for lines of text.</summary>
internal sealed class ClassifyPredictCommand : ICommand
{
    public string Name => "classify predict";

    public string Summary => "predict labels for lines of text with a fastText model: label<TAB>probability per line";

    public string Usage => "classify predict --model FILE [--k N] [--in FILE]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--model", "FILE", "a fastText .bin or .ftz model (e.g. edu.bin or domain.bin from 'corpus classify train')"),
        new("--k", "N", "write the N most probable labels of each line, as tab-separated pairs (default 1)"),
        new("--in", "FILE", "input lines (default: standard input)"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; see 'corpus {Name} --help'");
        }

        var modelPath = args.Value("--model") ?? throw new UsageException($"'corpus {Name}' needs --model FILE");
        var k = args.Value("--k") is { } kk ? ArgParser.ParseInt("--k", kk, 1, 100_000) : 1;
        try
        {
            var model = ClassifierFiles.LoadModel(modelPath);
            var inPath = args.Value("--in");
            if (inPath is not null && !File.Exists(inPath))
            {
                throw new BuildException($"input '{inPath}' does not exist");
            }

            var input = inPath is null ? console.In : File.OpenRead(inPath);
            try
            {
                await PredictionLines.WriteAsync(model, input, console.Out, k, ct).ConfigureAwait(false);
            }
            finally
            {
                if (inPath is not null)
                {
                    await input.DisposeAsync().ConfigureAwait(false);
                }
            }

            return ExitCodes.Success;
        }
        catch (BuildException e)
        {
            console.Error.WriteLine($"corpus {Name}: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}

/// <summary><c>corpus classify eval</c>: precision and recall of a fastText model on labelled lines.</summary>
internal sealed class ClassifyEvalCommand : ICommand
{
    public string Name => "classify eval";

    public string Summary => "precision and recall, overall and per label, of a fastText model on a file of __label__x lines";

    public string Usage => "classify eval --model FILE --in FILE [--k N]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--model", "FILE", "a fastText .bin or .ftz model"),
        new("--in", "FILE", "labelled lines, '__label__x text' (e.g. edu.valid.txt from 'corpus classify train')"),
        new("--k", "N", "precision and recall at N (default 1)"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; see 'corpus {Name} --help'");
        }

        var modelPath = args.Value("--model") ?? throw new UsageException($"'corpus {Name}' needs --model FILE");
        var input = args.Value("--in") ?? throw new UsageException($"'corpus {Name}' needs --in FILE");
        var k = args.Value("--k") is { } kk ? ArgParser.ParseInt("--k", kk, 1, 100_000) : 1;
        try
        {
            var evaluation = ClassifierFiles.Evaluate(ClassifierFiles.LoadModel(modelPath), input, k);
            var sb = new StringBuilder();
            EvaluationTable.Append(sb, Path.GetFileName(modelPath), evaluation);
            await console.Out.WriteAsync(Encoding.UTF8.GetBytes(sb.ToString()), ct).ConfigureAwait(false);
            await console.Out.FlushAsync(ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (BuildException e)
        {
            console.Error.WriteLine($"corpus {Name}: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
