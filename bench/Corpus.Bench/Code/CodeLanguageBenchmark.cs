using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Corpus.Filters.Classification.Code;
using Corpus.Tests.Shared;

namespace Corpus.Bench.Code;

/// <summary>
/// <c>bench-code-lang</c>: corpus's programming-language ID (<see cref="ProgrammingLanguageIdentifier"/>, no URL
/// hint) beside highlight.js's <c>highlightAuto</c> over the same languages, on real source files labelled by
/// their extension (<see cref="CodeSamples"/>); also how many of each language's files the code detector
/// (<see cref="CodeDetector"/>) calls code or prose with code. See docs/benchmarks.md, "Programming-language ID".
/// </summary>
internal static class CodeLanguageBenchmark
{
    private const string Usage = "bench-code-lang [--root DIR]... [--per-language N] [--offset N] [--max-chars N] [--tools corpus,hljs] [--report FILE] [--errors FILE]";

    public static int Run(string[] args)
    {
        var roots = new List<string>();
        var perLanguage = 40;
        var offset = 0;
        var maxChars = 20_000;
        var tools = new HashSet<string>(["corpus", "hljs"], StringComparer.Ordinal);
        string? report = null;
        string? errors = null;
        for (var i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--root": roots.Add(Value()); break;
                case "--per-language": perLanguage = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                case "--offset": offset = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                case "--max-chars": maxChars = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                case "--tools": tools = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries)]; break;
                case "--report": report = Value(); break;
                case "--errors": errors = Value(); break;
                default:
                    Console.Error.WriteLine($"bench-code-lang: unknown option '{args[i]}'\n{Usage}");
                    return 2;
            }
        }

        if (roots.Count == 0)
        {
            roots.Add(FetchDefaultSamples());
        }

        var samples = CodeSamples.Collect(roots, perLanguage, maxChars, offset);
        if (samples.Count == 0)
        {
            Console.Error.WriteLine($"bench-code-lang: no source files under {string.Join(", ", roots)}");
            return 1;
        }

        var texts = samples.Select(s => s.Text).ToList();
        var answers = new List<(string Tool, string Description, IReadOnlyList<string> Languages, double Seconds)>();
        if (tools.Contains("corpus"))
        {
            var clock = Stopwatch.StartNew();
            var languages = texts.Select(Identify).ToList();
            answers.Add(("corpus", "ProgrammingLanguageIdentifier.Identify(text) (in process, one thread, no URL hint)", languages, clock.Elapsed.TotalSeconds));
        }

        if (tools.Contains("hljs"))
        {
            using var hljs = new HighlightJsRunner();
            var clock = Stopwatch.StartNew();
            var languages = hljs.Predict(texts);
            answers.Add(("highlight.js", $"npm highlight.js {hljs.Version}, highlightAuto(text, the {HighlightJsRunner.Names.Count} languages corpus names) (one Node.js process)", languages, clock.Elapsed.TotalSeconds));
        }

        var detected = samples.Select(s => CodeDetector.Detect(s.Text).Kind != CodeKind.Prose).ToList();
        var text = Report(samples, roots, answers, detected, maxChars, offset);
        Console.Write(text);
        if (report is not null)
        {
            File.WriteAllText(report, text);
        }

        if (errors is not null)
        {
            // One line per file some tool got wrong: language, each tool's answer, path.
            var lines = samples.Select((s, i) => (s, i))
                .Where(x => answers.Any(a => !Right(x.s.Language, a.Languages[x.i])))
                .Select(x => string.Join('\t', [x.s.Language, .. answers.Select(a => $"{a.Tool}={a.Languages[x.i]}"), x.s.Path]));
            File.WriteAllLines(errors, lines);
        }

        return 0;
    }

    // Whether an answer names the file's language (highlight.js's one grammar for HTML and XML names either).
    private static bool Right(string language, string answer) =>
        answer == language || (answer == HighlightJsRunner.HtmlOrXml && language is "HTML" or "XML");

    // corpus's answer; a text the identifier fails on counts as wrong, named by the exception.
    private static string Identify(string text)
    {
        try
        {
            return ProgrammingLanguageIdentifier.Identify(text).Language;
        }
        catch (Exception e) when (e is RegexMatchTimeoutException or InvalidOperationException)
        {
            return e.GetType().Name;
        }
    }

    private static string FetchDefaultSamples()
    {
        var script = Path.Combine(RepoData.Root, "bench", "Corpus.Bench", "Code", "fetch-code-samples.sh");
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(RepoData.Root);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed: {error}");
        }

        return output.Trim();
    }

    private static string Report(
        IReadOnlyList<CodeSample> samples,
        IReadOnlyList<string> roots,
        IReadOnlyList<(string Tool, string Description, IReadOnlyList<string> Languages, double Seconds)> answers,
        IReadOnlyList<bool> detected,
        int maxChars,
        int offset)
    {
        var inv = CultureInfo.InvariantCulture;
        var languages = samples.Select(s => s.Language).Distinct().Order(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append(inv, $"## Programming-language ID: {samples.Count:N0} files of {languages.Count} languages, labelled by extension\n\n");
        sb.Append(inv, $"Files under {string.Join(", ", roots)}{(offset > 0 ? $", after the first {offset} of each language" : "")}, at most {maxChars:N0} characters of each (cut at a line end); every tool reads the same text.\n\n");
        foreach (var (tool, description, _, _) in answers)
        {
            sb.Append(inv, $"- {tool}: {description}\n");
        }

        sb.Append("\n| tool | macro accuracy | micro accuracy | said unknown | files/s |\n| --- | --- | --- | --- | --- |\n");
        foreach (var (tool, _, said, seconds) in answers)
        {
            var macro = languages.Average(l => Accuracy(samples, said, l));
            var micro = (double)samples.Where((s, i) => Right(s.Language, said[i])).Count() / samples.Count;
            var unknown = said.Count(a => a == ProgrammingLanguageIdentifier.Unknown);
            sb.Append(inv, $"| {tool} | {macro:P1} | {micro:P1} | {unknown:N0} | {samples.Count / seconds:N0} |\n");
        }

        if (answers.Count == 2)
        {
            var better = languages.Count(l => Accuracy(samples, answers[0].Languages, l) > Accuracy(samples, answers[1].Languages, l));
            var worse = languages.Count(l => Accuracy(samples, answers[0].Languages, l) < Accuracy(samples, answers[1].Languages, l));
            sb.Append(inv, $"\n{answers[0].Tool} better / worse / equal than {answers[1].Tool}: {better} / {worse} / {languages.Count - better - worse} languages.\n");
        }

        sb.Append("\nPer language (code detected: the files the code detector calls code or prose with code):\n\n| language | files | ");
        sb.Append(string.Join(" | ", answers.Select(a => a.Tool))).Append(" | code detected |\n| --- | --- |");
        sb.Append(string.Concat(answers.Select(_ => " --- |"))).Append(" --- |\n");
        foreach (var language in languages)
        {
            var n = samples.Count(s => s.Language == language);
            sb.Append(inv, $"| {language} | {n} |");
            foreach (var (_, _, said, _) in answers)
            {
                sb.Append(inv, $" {Accuracy(samples, said, language):P1} |");
            }

            var code = samples.Select((s, i) => (s, i)).Count(x => x.s.Language == language && detected[x.i]);
            sb.Append(inv, $" {(double)code / n:P0} |\n");
        }

        sb.Append("\nMost frequent confusions (language -> answer: files):\n\n");
        foreach (var (tool, _, said, _) in answers)
        {
            var confusions = samples.Select((s, i) => (Gold: s.Language, Said: said[i])).Where(x => !Right(x.Gold, x.Said))
                .GroupBy(x => $"{x.Gold} -> {x.Said}", StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(12)
                .Select(g => $"{g.Key}: {g.Count()}");
            sb.Append(inv, $"- {tool}: {string.Join(", ", confusions)}\n");
        }

        return sb.ToString();
    }

    private static double Accuracy(IReadOnlyList<CodeSample> samples, IReadOnlyList<string> said, string language)
    {
        var n = 0;
        var right = 0;
        for (var i = 0; i < samples.Count; i++)
        {
            if (samples[i].Language == language)
            {
                n++;
                right += Right(language, said[i]) ? 1 : 0;
            }
        }

        return n == 0 ? 0 : (double)right / n;
    }
}
