using System.Text;
using static Corpus.Shards.Reports.ReportFormat;

namespace Corpus.Shards.Reports;

/// <summary>
/// Renders <c>report.md</c>: the HTML report's content as GitHub-flavoured Markdown tables, readable
/// in a terminal. Numbers are formatted as in the HTML (<see cref="ReportFormat"/>).
/// </summary>
internal static class MarkdownReport
{
    public static string Render(BuildReport report)
    {
        var md = new StringBuilder();
        var header = report.Header;
        md.Append($"# {ReportFormat.Markdown(header.Title)}\n\n");
        md.Append($"- config: `{header.ConfigSha256}`\n- tokenizer: `{header.TokenizerSha256}`\n- seed: {Raw(header.Seed)}\n\n");

        md.Append("## Summary\n\n");
        Table(md, ["Documents", "Tokens", "Stages", "Languages", "Qwen3 present", "Qwen3 met"], [
            [Count(header.Totals.Documents), Count(header.Totals.Tokens), Count(report.Stages.Count), Count(report.Languages.Count),
             $"{Count(report.Qwen3Coverage.PresentCount)} of {Count(report.Qwen3Coverage.Languages.Count)}",
             $"{Count(report.Qwen3Coverage.MetCount)} of {Count(report.Qwen3Coverage.Languages.Count)}"],
        ]);

        md.Append("## Stages\n\n");
        if (report.Stages.Count == 0)
        {
            None(md, ReportText.NoStages);
        }
        else
        {
            Table(md, ["Stage", "Context", "Budget", "Tokens", "Documents", "Validation docs", "Validation tokens", "Sequences", "Padding tokens", "Truncated docs", "Upsampled docs", "Upsampled tokens", "Downsampled docs", "Downsampled tokens"],
                [.. report.Stages.Select(s => new[]
                {
                    Text(s.Name), Count(s.ContextLength), ReportText.Budget(s.TokenBudget), Count(s.Tokens), Count(s.Documents),
                    Count(s.ValidationDocuments), Count(s.ValidationTokens), Count(s.Sequences), Count(s.PaddingTokens), Count(s.TruncatedDocuments),
                    Count(s.UpsampledDocuments), Count(s.UpsampledTokens), Count(s.DownsampledDocuments), Count(s.DownsampledTokens),
                })]);
            foreach (var stage in report.Stages)
            {
                md.Append($"- {Text(stage.Name)} eligibility: {Text(stage.Eligibility)}\n");
            }

            md.Append('\n');
        }

        md.Append("## Tokens per stage by language\n\n");
        if (report.Languages.Count == 0)
        {
            None(md, ReportText.NoLanguages);
        }
        else
        {
            Table(md, [.. new[] { "Language", "Name" }.Concat(report.Stages.Select(s => s.Name + " tokens")).Concat(["Tokens", "Documents", "Sources (tokens)"])],
                [.. report.Languages.Select(l => new[] { $"`{l.Code}`", Text(l.Name) }
                    .Concat(report.Stages.Select(s => Count(ReportText.InStage(l, s.Name)?.Tokens ?? 0)))
                    .Concat([Count(ReportText.Tokens(l)), Count(ReportText.Documents(l)), string.Join(" · ", l.Sources.Select(s => $"{Text(s.Source)} {Count(s.Tokens)}"))])
                    .ToArray())]);
        }

        md.Append("## Qwen3 language coverage\n\n");
        if (report.Qwen3Coverage.Languages.Count == 0)
        {
            None(md, ReportText.NoQwen3);
        }
        else
        {
            md.Append($"{Count(report.Qwen3Coverage.PresentCount)} of {Count(report.Qwen3Coverage.Languages.Count)} languages present, {Count(report.Qwen3Coverage.MetCount)} at their target.\n\n");
            Table(md, ["Language", "Name", "Present", "Tokens", "Share", "Target tokens", "Met"],
                [.. report.Qwen3Coverage.Languages.Select(l => new[] { $"`{l.Code}`", Text(l.Name), l.Present ? "yes" : "no", Count(l.Tokens), Share(l.Share), Count(l.TargetTokens), Status(l.Met) })]);
        }

        md.Append("## Domain mix per stage\n\n");
        if (report.Domains.All(d => d.Domains.Count == 0))
        {
            None(md, ReportText.NoDomains);
        }
        else
        {
            Table(md, ["Stage", "Domain", "Documents", "Tokens", "Share"],
                [.. report.Domains.SelectMany(s => s.Domains.Select(d => new[] { Text(s.Stage), Text(d.Domain), Count(d.Documents), Count(d.Tokens), Share(d.Share) }))]);
        }

        md.Append("## Programming languages of code documents\n\n");
        if (report.ProgrammingLanguages.Count == 0)
        {
            None(md, ReportText.NoProgrammingLanguages);
        }
        else
        {
            Table(md, ["Language", "Documents", "Tokens", "Share of code tokens"],
                [.. report.ProgrammingLanguages.Select(l => new[] { Text(l.Language), Count(l.Documents), Count(l.Tokens), Share(l.Share) })]);
        }

        md.Append("## Mixture checks\n\n");
        if (report.Stages.Count == 0)
        {
            None(md, ReportText.NoStages);
        }

        foreach (var stage in report.Stages)
        {
            md.Append($"### {Text(stage.Name)} ({Count(stage.MixtureChecks.Count(c => c.Met))} of {Count(stage.MixtureChecks.Count)} met)\n\n");
            if (stage.MixtureChecks.Count == 0)
            {
                None(md, ReportText.NoMixtureChecks);
                continue;
            }

            Table(md, ["Dimension", "Group", "Target", "Measured", "Available tokens", "Met", "Note"],
                [.. stage.MixtureChecks.Select(c => new[] { Text(c.Dimension), Text(c.Group), Share(c.TargetShare), Share(c.MeasuredShare), Count(c.AvailableTokens), Status(c.Met), Text(ReportText.Note(c)) })]);
        }

        md.Append("## Filter funnel\n\n");
        if (report.Funnel.Steps.Count == 0)
        {
            None(md, ReportText.NoFunnel);
        }
        else
        {
            Table(md, ["Phase", "Rule", "Documents removed", "Tokens removed", "Documents remaining"],
                [.. report.Funnel.Steps.Select(s => new[] { Text(s.Phase), Text(s.Rule), Count(s.DocumentsRemoved), Count(s.TokensRemoved), Count(s.DocumentsRemaining) })]);
        }

        md.Append("## Rejects by reason\n\n");
        if (report.Funnel.Rejects.Count == 0)
        {
            None(md, ReportText.NoRejects);
        }
        else
        {
            Table(md, ["Phase", "Reason", "Documents"], [.. report.Funnel.Rejects.Select(r => new[] { Text(r.Phase), Text(r.Reason), Count(r.Documents) })]);
        }

        md.Append("## Near-duplicate removal\n\n");
        var dedup = report.Dedup;
        if (dedup.Clusters == 0)
        {
            None(md, ReportText.NoDedup);
        }
        else
        {
            Table(md, ["Clusters", "Documents in clusters", "Documents removed", "Largest cluster"],
                [[Count(dedup.Clusters), Count(dedup.DocumentsInClusters), Count(dedup.DocumentsRemoved), Count(dedup.LargestCluster)]]);
            if (dedup.ClusterSizes.Count > 0)
            {
                Table(md, ["Cluster size", "Clusters"], [.. dedup.ClusterSizes.Select(b => new[] { Text(b.Size), Count(b.Clusters) })]);
            }
        }

        md.Append("## Synthetic data\n\n");
        if (report.Synthetic.Count == 0)
        {
            None(md, ReportText.NoSynthetic);
        }
        else
        {
            Table(md, ["Recipe", "Generated", "Accepted", "Acceptance"],
                [.. report.Synthetic.Select(r => new[] { Text(r.Name), Count(r.Generated), Count(r.Accepted), Share(r.AcceptanceRate) })]);
            if (report.Synthetic.Any(r => r.RejectedBy.Count > 0))
            {
                Table(md, ["Recipe", "Cause", "Rejected samples"],
                    [.. report.Synthetic.SelectMany(r => r.RejectedBy.Select(x => new[] { Text(r.Name), Text(x.Reason), Count(x.Samples) }))]);
            }
        }

        md.Append("## Document lengths per stage\n\n");
        if (report.Stages.Count == 0)
        {
            None(md, ReportText.NoStages);
        }

        foreach (var stage in report.Stages)
        {
            md.Append($"### {Text(stage.Name)} (context {Count(stage.ContextLength)} tokens)\n\n");
            if (stage.LengthHistogram.Count == 0)
            {
                None(md, ReportText.NoLengths);
                continue;
            }

            Table(md, ["Length (tokens)", "From", "Documents", "Tokens"],
                [.. stage.LengthHistogram.Select(b => new[] { Text(b.Label), Count(b.LowerBound), Count(b.Documents), Count(b.Tokens) })]);
        }

        md.Append("Numbers: counts with thousands separators (invariant culture), shares as percent with two decimals.\n");
        return md.ToString();
    }

    private static string Text(string text) => ReportFormat.Markdown(text);

    private static string Status(bool met) => met ? ReportText.Met : ReportText.NotMet;

    private static void None(StringBuilder md, string message) => md.Append($"_{message}_\n\n");

    private static void Table(StringBuilder md, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        md.Append("| ").Append(string.Join(" | ", headers.Select(Text))).Append(" |\n|");
        foreach (var header in headers)
        {
            md.Append(header is "Stage" or "Language" or "Name" or "Dimension" or "Group" or "Note" or "Phase" or "Rule" or "Reason" or "Domain" or "Recipe" or "Cause" or "Present" or "Met" or "Cluster size" or "Length (tokens)" ? " --- |" : " ---: |");
        }

        md.Append('\n');
        foreach (var row in rows)
        {
            md.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        }

        md.Append('\n');
    }
}
