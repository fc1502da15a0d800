using System.Diagnostics;
using System.Text;
using Corpus.Cli.Parsing;
using Corpus.Filters.Languages;
using Corpus.Filters.Languages.Training;
using Corpus.Ingest.Sample;

namespace Corpus.Cli.Commands.Lid;

/// <summary><c>corpus lid build-model</c>: the built-in language-ID model from UDHR and unpacked Debian packages.</summary>
internal sealed class LidBuildModelCommand : ICommand
{
    public string Name => "lid build-model";

    public string Summary => "build the built-in language-ID model (scripts/build-lid-model.sh fetches its data)";

    public string Usage => "lid build-model --packages DIR --out MODEL [--data FILE] [--cldr DIR] [--udhr FILE] [--seed N] [--catalog-lines N] [--other-catalog-lines N] [--udhr-lines N] [--min-line-length N] [--max-line-length N] [--min-lines N] [--udhr-min-length N] [--udhr-max-length N] [--no-translate] [--word-list-lines N] [--heldout FILE] [--data-only] [--groups-only]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--packages", "DIR", "the folder the Debian packages are unpacked into (not needed with --groups-only)"),
        new("--out", "MODEL", "the model file to write (.bin)"),
        new("--data", "FILE", "where the training file goes (default: MODEL.train.txt)"),
        new("--cldr", "DIR", "a node_modules folder with the npm packages cldr-localenames-full, cldr-dates-full, cldr-units-full: their display strings are the text of languages that have no other"),
        new("--udhr", "FILE", "the UDHR bundle (default: the one beside the corpus assemblies)"),
        new("--seed", "N", "seed of sampling, shuffling and training (default 0)"),
        new("--catalog-lines", "N", $"at most this many catalog, help, fortune and game lines per Qwen3 language (default {new LidTrainingOptions { PackageRoot = "" }.MaxCatalogLines})"),
        new("--other-catalog-lines", "N", $"the same for labels outside the Qwen3 table (default {new LidTrainingOptions { PackageRoot = "" }.MaxOtherCatalogLines})"),
        new("--udhr-lines", "N", $"repeat UDHR passages until a label has about this many (default {new LidTrainingOptions { PackageRoot = "" }.TargetUdhrLines})"),
        new("--min-line-length", "N", $"catalog strings are joined into lines of at least this many characters (default {new LidTrainingOptions { PackageRoot = "" }.MinLineLength}) ..."),
        new("--max-line-length", "N", $"... and at most this many (default {new LidTrainingOptions { PackageRoot = "" }.MaxLineLength})"),
        new("--min-lines", "N", $"a label with fewer lines is left out (default {new LidTrainingOptions { PackageRoot = "" }.MinLines})"),
        new("--udhr-min-length", "N", $"UDHR paragraphs are joined into passages of at least this many characters (default {new LidTrainingOptions { PackageRoot = "" }.UdhrMinPassageLength}) ..."),
        new("--udhr-max-length", "N", $"... and cut into ones of at most this many (default {new LidTrainingOptions { PackageRoot = "" }.UdhrMaxPassageLength})"),
        new("--no-translate", null, "leave out the machine-translated text (Indonesian strings in Malay by Apertium, when it is unpacked into --packages)"),
        new("--word-list-lines", "N", $"lines sampled from each word-frequency list (Cantonese's, when rime-data-jyut6ping3 is unpacked into --packages; 0: none; default {new LidTrainingOptions { PackageRoot = "" }.WordListLines})"),
        new("--heldout", "FILE", "also write the held-out UDHR paragraphs (100+ characters) as __label__x lines, for comparisons"),
        new("--data-only", null, "write the training file and stop"),
        new("--groups-only", null, "train only the language groups' models beside MODEL, from the training file --data already holds (seconds, not half an hour)"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        var output = args.Value("--out") ?? throw new UsageException("--out MODEL is required");
        var seed = args.Value("--seed") is { } s ? ArgParser.ParseInt("--seed", s, 0, int.MaxValue) : 0;
        var data = args.Value("--data") ?? output + ".train.txt";
        if (args.Flag("--groups-only"))
        {
            if (!File.Exists(data))
            {
                console.Error.WriteLine($"corpus {Name}: --groups-only reads the training file '{data}', which does not exist (build it without --groups-only first)");
                return ExitCodes.Failure;
            }

            return TrainGroups(data, output, seed, console, ct);
        }

        var packages = args.Value("--packages") ?? throw new UsageException("--packages DIR is required");
        var options = new LidTrainingOptions { PackageRoot = packages, CldrRoot = args.Value("--cldr"), Seed = seed };
        options = Set(args, "--catalog-lines", 0, options, (o, v) => o with { MaxCatalogLines = v });
        options = Set(args, "--other-catalog-lines", 0, options, (o, v) => o with { MaxOtherCatalogLines = v });
        options = Set(args, "--udhr-lines", 0, options, (o, v) => o with { TargetUdhrLines = v });
        options = Set(args, "--min-line-length", 2, options, (o, v) => o with { MinLineLength = v });
        options = Set(args, "--max-line-length", 2, options, (o, v) => o with { MaxLineLength = v });
        options = Set(args, "--min-lines", 1, options, (o, v) => o with { MinLines = v });
        options = Set(args, "--udhr-min-length", 1, options, (o, v) => o with { UdhrMinPassageLength = v });
        options = Set(args, "--udhr-max-length", 2, options, (o, v) => o with { UdhrMaxPassageLength = v });
        options = Set(args, "--word-list-lines", 0, options, (o, v) => o with { WordListLines = v });
        if (args.Flag("--no-translate"))
        {
            options = options with { Translations = [] };
        }

        if (options.MaxLineLength < options.MinLineLength)
        {
            throw new UsageException($"--max-line-length ({options.MaxLineLength}) is below --min-line-length ({options.MinLineLength})");
        }

        if (options.UdhrMaxPassageLength < options.UdhrMinPassageLength)
        {
            throw new UsageException($"--udhr-max-length ({options.UdhrMaxPassageLength}) is below --udhr-min-length ({options.UdhrMinPassageLength})");
        }

        var watch = Stopwatch.StartNew();
        LidTrainingSummary summary;
        try
        {
            var udhr = UdhrLibrary.Load(args.Value("--udhr"));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(data))!);
            using (var writer = new StreamWriter(data + ".tmp", false, new UTF8Encoding(false), 1 << 16))
            {
                summary = LidTrainingData.Write(options, UdhrLidText.Training(udhr, options.UdhrMinPassageLength, options.UdhrMaxPassageLength), writer);
            }

            File.Move(data + ".tmp", data, true);
            if (args.Value("--heldout") is { } heldout)
            {
                File.WriteAllLines(heldout, UdhrLidText.HeldOut(udhr).Select(t => $"__label__{t.Label} {t.Text}"), new UTF8Encoding(false));
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"corpus lid build-model: {e.Message}");
            return ExitCodes.Failure;
        }

        foreach (var t in summary.Translations)
        {
            console.Error.WriteLine(t.Skipped is { } why
                ? $"corpus lid build-model: translation {t.Translation.Mode} skipped: {why}"
                : $"corpus lid build-model: translation {t.Translation.Mode}: {t.Strings} strings of {t.Translation.From}, {t.Changed} changed ones are text of {t.Translation.To}");
        }

        foreach (var w in summary.WordLists)
        {
            console.Error.WriteLine(w.Skipped is { } why
                ? $"corpus lid build-model: word list {w.List.Path} skipped: {why}"
                : $"corpus lid build-model: word list {w.List.Path}: {w.Lines} lines of {w.List.Label} sampled");
        }

        console.Error.WriteLine($"corpus lid build-model: {summary.Lines} lines, {summary.Labels.Count} labels -> {data} ({watch.Elapsed.TotalSeconds:F1} s)");
        if (args.Flag("--data-only"))
        {
            return ExitCodes.Success;
        }

        await Task.Yield();
        var code = LidModelTraining.Train(data, output, LidRecipe.TrainingOptions with { Seed = (ulong)seed }, console, Name, ct);
        return code == ExitCodes.Success ? TrainGroups(data, output, seed, console, ct) : code;
    }

    // The model of each language group (LidRecipe.Groups) beside the main one: OUT.group-NAME.bin (fastText) or
    // OUT.group-NAME.ngrams (character n-grams), as the group's engine says.
    private int TrainGroups(string data, string output, int seed, CliConsole console, CancellationToken ct)
    {
        var stem = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFileNameWithoutExtension(output));
        string DataOf(LidLanguageGroup g) => $"{Path.ChangeExtension(data, null)}{LanguageIdentifier.GroupModelInfix}{g.Name}.txt";
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> counts;
        try
        {
            counts = LidGroupData.Write(data, LidRecipe.Groups, DataOf);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"corpus {Name}: {e.Message}");
            return ExitCodes.Failure;
        }

        foreach (var group in LidRecipe.Groups)
        {
            var fastText = $"{stem}{LanguageIdentifier.GroupModelInfix}{group.Name}{Path.GetExtension(output)}";
            var ngrams = $"{stem}{LanguageIdentifier.GroupModelInfix}{group.Name}{CharacterNgramModel.Extension}";
            var (model, other) = group.Engine == LidGroupEngine.CharacterNgrams ? (ngrams, fastText) : (fastText, ngrams);

            // A stale model of the group (of the other kind, or of a group with too little text now) would be loaded
            // beside the new main model: remove it.
            File.Delete(other);
            var lines = counts[group.Name];
            if (lines.Count < 2)
            {
                File.Delete(model);
                console.Error.WriteLine($"corpus {Name}: group {group.Name} skipped: {lines.Count} of its labels have text");
                continue;
            }

            console.Error.WriteLine($"corpus {Name}: group {group.Name}: {string.Join(", ", lines.Select(l => $"{l.Key} {l.Value}"))} lines");
            var code = group.Engine == LidGroupEngine.CharacterNgrams
                ? LidModelTraining.TrainNgrams(DataOf(group), model, LidRecipe.GroupNgramOptions, console, Name, ct)
                : LidModelTraining.Train(DataOf(group), model, LidRecipe.GroupTrainingOptions with { Seed = (ulong)seed }, console, Name, ct);
            if (code != ExitCodes.Success)
            {
                return code;
            }
        }

        return ExitCodes.Success;
    }

    // The options with one integer option applied, when it is given (at least min).
    private static LidTrainingOptions Set(ParsedArgs args, string name, int min, LidTrainingOptions options, Func<LidTrainingOptions, int, LidTrainingOptions> apply) =>
        args.Value(name) is { } value ? apply(options, ArgParser.ParseInt(name, value, min, int.MaxValue)) : options;
}
