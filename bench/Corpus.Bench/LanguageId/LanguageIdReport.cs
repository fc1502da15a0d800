using System.Globalization;
using System.Text;

namespace Corpus.Bench.LanguageId;

/// <summary>One tool's answers on a line set, and how long it took.</summary>
internal sealed record ToolRun(ILanguageIdRunner Tool, IReadOnlyList<string> Answers, TimeSpan Elapsed);

/// <summary>
/// Scores the tools side by side and writes the report as Markdown: each tool only on the labels it
/// supports; per label the share of lines it labels right; per competitor the macro accuracy of corpus
/// and of the competitor on exactly the labels both support (and the data has); coverage of the Qwen3
/// languages; lines per second.
/// </summary>
internal static class LanguageIdReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(string title, IReadOnlyList<LabelledLine> lines, IReadOnlyList<ToolRun> runs, ToolRun? corpus, IReadOnlySet<string> qwen3)
    {
        var labels = lines.Select(line => line.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var linesOf = lines.GroupBy(line => line.Label).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var accuracy = runs.ToDictionary(run => run.Tool.Name, run => AccuracyByLabel(lines, run), StringComparer.Ordinal);
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"## {title}: {lines.Count:N0} lines, {labels.Count} labels ({labels.Count(qwen3.Contains)} of them Qwen3 languages)");
        text.AppendLine();
        foreach (var run in runs)
        {
            text.AppendLine(Invariant, $"- {run.Tool.Name}: {run.Tool.Description}");
        }

        text.AppendLine();
        text.AppendLine("| tool | labels supported | Qwen3 languages supported | labels scored here | lines scored | macro accuracy | micro accuracy | lines/s |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var run in runs)
        {
            var scored = accuracy[run.Tool.Name];
            var scoredLines = scored.Keys.Sum(label => linesOf[label]);
            var right = scored.Sum(pair => pair.Value * linesOf[pair.Key]);
            text.AppendLine(Invariant,
                $"| {run.Tool.Name} | {run.Tool.SupportedLabels.Count} | {run.Tool.SupportedLabels.Count(qwen3.Contains)} of {qwen3.Count} | {scored.Count} | {scoredLines:N0} | {Percent(Macro(scored.Values))} | {Percent(scoredLines == 0 ? double.NaN : right / scoredLines)} | {lines.Count / run.Elapsed.TotalSeconds:N0} |");
        }

        if (corpus is not null)
        {
            text.AppendLine();
            text.AppendLine(Invariant, $"Head to head: {corpus.Tool.Name} (corpus) against each competitor, macro accuracy over exactly the labels both support and this data has; the last three columns: those of them that are Qwen3 languages.");
            text.AppendLine();
            text.AppendLine("| competitor | shared labels | corpus | competitor | corpus better / worse / equal | shared Qwen3 labels | corpus | competitor |");
            text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            var ours = accuracy[corpus.Tool.Name];
            foreach (var run in runs.Where(run => run != corpus))
            {
                var theirs = accuracy[run.Tool.Name];
                var shared = ours.Keys.Where(theirs.ContainsKey).ToList();
                var sharedQwen3 = shared.Where(qwen3.Contains).ToList();
                var better = shared.Count(label => ours[label] > theirs[label]);
                var worse = shared.Count(label => ours[label] < theirs[label]);
                text.AppendLine(Invariant,
                    $"| {run.Tool.Name} | {shared.Count} | {Percent(Macro(shared.Select(l => ours[l])))} | {Percent(Macro(shared.Select(l => theirs[l])))} | {better} / {worse} / {shared.Count - better - worse} | {sharedQwen3.Count} | {Percent(Macro(sharedQwen3.Select(l => ours[l])))} | {Percent(Macro(sharedQwen3.Select(l => theirs[l])))} |");
            }
        }

        text.AppendLine();
        text.AppendLine("Most frequent confusions on supported labels (gold -> answer: lines):");
        text.AppendLine();
        foreach (var run in runs)
        {
            var confusions = lines
                .Select((line, i) => (Gold: line.Label, Answer: run.Answers[i]))
                .Where(pair => run.Tool.SupportedLabels.Contains(pair.Gold) && pair.Answer != pair.Gold)
                .GroupBy(pair => $"{pair.Gold} -> {pair.Answer}")
                .OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal)
                .Take(12)
                .Select(group => $"{group.Key}: {group.Count()}");
            text.AppendLine(Invariant, $"- {run.Tool.Name}: {string.Join(", ", confusions)}");
        }

        text.AppendLine();
        text.AppendLine("Per label (Q: a Qwen3 language; — where the tool does not support the label):");
        text.AppendLine();
        text.AppendLine("| label | Q | lines | " + string.Join(" | ", runs.Select(run => run.Tool.Name)) + " |");
        text.AppendLine("| --- | --- | --- | " + string.Join(" | ", runs.Select(_ => "---")) + " |");
        foreach (var label in labels)
        {
            var cells = runs.Select(run => accuracy[run.Tool.Name].TryGetValue(label, out var value) ? Percent(value) : "—");
            text.AppendLine(Invariant, $"| {label} | {(qwen3.Contains(label) ? "Q" : string.Empty)} | {linesOf[label]} | {string.Join(" | ", cells)} |");
        }

        return text.ToString();
    }

    /// <summary>Per supported label present in the data: the share of its lines the tool labels exactly right.</summary>
    public static Dictionary<string, double> AccuracyByLabel(IReadOnlyList<LabelledLine> lines, ToolRun run)
    {
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        var right = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var label = lines[i].Label;
            if (!run.Tool.SupportedLabels.Contains(label))
            {
                continue;
            }

            total[label] = total.GetValueOrDefault(label) + 1;
            right[label] = right.GetValueOrDefault(label) + (run.Answers[i] == label ? 1 : 0);
        }

        return total.ToDictionary(pair => pair.Key, pair => (double)right[pair.Key] / pair.Value, StringComparer.Ordinal);
    }

    private static double Macro(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }

    private static string Percent(double value) => double.IsNaN(value) ? "—" : (value * 100).ToString("F1", Invariant) + "%";
}
