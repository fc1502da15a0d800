using System.Diagnostics;
using System.Globalization;
using Corpus.Filters.Languages;

namespace Corpus.Bench.LanguageId;

/// <summary>
/// <c>bench-lid</c>: corpus's language ID beside CLD3, franc and Lingua on the same held-out lines
/// (issue 7, acceptance 3). See docs/benchmarks.md, "Language ID".
/// </summary>
internal static class LanguageIdBenchmark
{
    private const string Usage =
        "bench-lid [--udhr] [--ntrex DIR] [--in FILE] [--model FASTTEXT_BIN] [--limit-per-language N] [--qwen3-only]\n"
        + "          [--tools corpus,fasttext,fasttext-cpp,cld3,franc,lingua] [--report FILE]\n"
        + "bench-lid --write-udhr-train FILE   (the non-held-out UDHR paragraphs as __label__xxx_Scrp lines)";

    private static readonly string[] AllTools = ["corpus", "fasttext", "fasttext-cpp", "cld3", "franc", "lingua"];

    public static int Run(string[] args)
    {
        var options = Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (options.TrainingFile is { } trainingFile)
        {
            LabelledLines.WriteUdhrTrainingFile(trainingFile);
            Console.WriteLine($"wrote {trainingFile}");
            return 0;
        }

        var sources = new List<(string Title, IReadOnlyList<LabelledLine> Lines)>();
        if (options.Udhr)
        {
            sources.Add(("UDHR, held-out articles (number % 5 == 0), paragraphs of 100+ characters", LabelledLines.UdhrHeldOut()));
        }

        if (options.NtrexFolder is { } ntrex)
        {
            sources.Add(("NTREX-128, first 250 lines of each file", LabelledLines.Ntrex(ntrex)));
        }

        if (options.InputFile is { } input)
        {
            sources.Add((Path.GetFileName(input), LabelledLines.LabelledFile(input)));
        }

        if (sources.Count == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var qwen3 = LanguageTable.All.Select(profile => profile.Code).ToHashSet(StringComparer.Ordinal);
        LanguageCodeMap.CheckReachable(qwen3);
        var tools = new List<ILanguageIdRunner>();
        ILanguageIdRunner? corpus = null;
        try
        {
            if (options.Tools.Contains("corpus"))
            {
                corpus = CorpusLanguageIdRunner.Create(options.Model);
                if (corpus is not null)
                {
                    tools.Add(corpus);
                }
            }

            if (options.Model is { } model)
            {
                // The model's raw top-1, through corpus's fastText engine and through fastText's own C++
                // (the anchor: the same labels, and the speed to match).
                if (options.Tools.Contains("fasttext"))
                {
                    tools.Add(new FastTextEngineRunner(model, "corpus fastText engine"));
                }

                if (options.Tools.Contains("fasttext-cpp"))
                {
                    tools.Add(new FastTextBinaryRunner(model, "fastText C++"));
                }
            }

            if (options.Tools.Contains("cld3"))
            {
                tools.Add(NodeDetectorRunner.Cld3());
            }

            if (options.Tools.Contains("franc"))
            {
                tools.Add(NodeDetectorRunner.Franc());
            }

            if (options.Tools.Contains("lingua"))
            {
                tools.Add(new LinguaRunner());
            }

            var report = new System.Text.StringBuilder();
            foreach (var (title, all) in sources)
            {
                var lines = LabelledLines.LimitPerLabel(options.Qwen3Only ? [.. all.Where(line => qwen3.Contains(line.Label))] : all, options.LimitPerLanguage);
                var texts = lines.Select(line => line.Text).ToList();
                var runs = new List<ToolRun>();
                foreach (var tool in tools)
                {
                    tool.Predict(texts.Take(200).ToList()); // warm-up, not timed
                    var clock = Stopwatch.StartNew();
                    var answers = tool.Predict(texts);
                    clock.Stop();
                    Console.Error.WriteLine($"bench-lid: {title}: {tool.Name} {lines.Count:N0} lines in {clock.Elapsed.TotalSeconds:F1} s");
                    runs.Add(new ToolRun(tool, answers, clock.Elapsed));
                }

                var section = LanguageIdReport.Write(title, lines, runs, runs.FirstOrDefault(run => run.Tool == corpus), qwen3);
                Console.WriteLine(section);
                report.AppendLine(section);
            }

            if (options.ReportFile is { } reportFile)
            {
                File.WriteAllText(reportFile, report.ToString());
            }

            return 0;
        }
        finally
        {
            foreach (var tool in tools)
            {
                tool.Dispose();
            }
        }
    }

    private static Options? Parse(string[] args)
    {
        var options = new Options();
        for (var i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--udhr": options = options with { Udhr = true }; break;
                case "--ntrex": options = options with { NtrexFolder = Value() }; break;
                case "--in": options = options with { InputFile = Value() }; break;
                case "--model": options = options with { Model = Value() }; break;
                case "--limit-per-language": options = options with { LimitPerLanguage = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) }; break;
                case "--qwen3-only": options = options with { Qwen3Only = true }; break;
                case "--tools": options = options with { Tools = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries)] }; break;
                case "--report": options = options with { ReportFile = Value() }; break;
                case "--write-udhr-train": options = options with { TrainingFile = Value() }; break;
                default: return null;
            }
        }

        return options.Tools.All(AllTools.Contains) ? options : null;
    }

    private sealed record Options
    {
        public bool Udhr { get; init; }

        public string? NtrexFolder { get; init; }

        public string? InputFile { get; init; }

        public string? Model { get; init; }

        public int? LimitPerLanguage { get; init; }

        public bool Qwen3Only { get; init; }

        public IReadOnlyList<string> Tools { get; init; } = AllTools;

        public string? ReportFile { get; init; }

        public string? TrainingFile { get; init; }
    }
}
