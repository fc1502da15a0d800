using System.Globalization;
using Corpus.Core.Configuration;
using Corpus.Filters.Languages;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;
using Corpus.Shards.Manifests;
using Corpus.Shards.Mixing;
using Corpus.Shards.Reports;
using ReportCheck = Corpus.Shards.Reports.MixtureCheck;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// Gathers a build's numbers into a <see cref="BuildReport"/> and writes <c>report/</c>: stage
/// figures from the manifest and the shards ledger, the mixing checks, languages and sources from
/// the tokenize ledger, the funnel from the ledger and <c>rejects/</c>, dedup from
/// <c>dedup/clusters.parquet</c>, synthetic acceptance from the synth ledger. Reads only what the
/// build wrote, so <c>corpus report OUT</c> rebuilds the same bytes.
/// </summary>
internal static class ReportStep
{
    public static async Task<BuildReport> WriteAsync(string outputDir, BuildConfig config, Manifest manifest, IReadOnlyList<StageMix> mixes, TaskLedger ledger, int taskCount, int ingestTasks, CancellationToken ct)
    {
        var report = await GatherAsync(outputDir, config, manifest, mixes, ledger, taskCount, ingestTasks, ct).ConfigureAwait(false);
        var dir = Path.Combine(outputDir, BuildLayout.ReportDir);
        ReportWriter.Write(report, dir);
        return report;
    }

    private static async Task<BuildReport> GatherAsync(string outputDir, BuildConfig config, Manifest manifest, IReadOnlyList<StageMix> mixes, TaskLedger ledger, int taskCount, int ingestTasks, CancellationToken ct)
    {
        var header = new ReportHeader("corpus build report", manifest.ConfigSha256, manifest.TokenizerSha256, manifest.Seed, new ReportTotals(manifest.Totals.Documents, manifest.Totals.Tokens));
        var splits = new Dictionary<(string Stage, string Split), StageSplitStats>();
        for (var i = 0; i < taskCount; i++)
        {
            foreach (var o in ledger.Read<StagesLedgerEntry>(StagesTaskExecutor.Phase, i).Outputs)
            {
                if (!splits.TryGetValue((o.Stage, o.Split), out var sum))
                {
                    splits[(o.Stage, o.Split)] = sum = new StageSplitStats();
                }

                sum.Add(o.Stats);
            }
        }

        if (config.Shards.Formats.Contains("parquet"))
        {
            for (var t = 0; t < PackTaskExecutor.TaskCount(config); t++)
            {
                foreach (var entry in ledger.Read<PackTaskLedgerEntry>(PackTaskExecutor.Phase, t).Splits)
                {
                    var stats = splits.GetValueOrDefault((entry.Stage, entry.Split));
                    if (stats is not null)
                    {
                        stats.Sequences += entry.Sequences;
                        stats.PaddingTokens += entry.PaddingTokens;
                        stats.TruncatedDocuments += entry.TruncatedDocuments;
                    }
                }
            }
        }

        var corpus = new SortedDictionary<(string Language, string Source), (long Documents, long Tokens)>();
        var code = new SortedDictionary<string, (long Documents, long Tokens)>(StringComparer.Ordinal);
        for (var i = 0; i < taskCount; i++)
        {
            var entry = ledger.Read<TokenizeLedgerEntry>(TokenizeTaskExecutor.Phase, i);
            foreach (var c in entry.Corpus)
            {
                corpus.TryGetValue((c.Language, c.Source), out var sum);
                corpus[(c.Language, c.Source)] = (sum.Documents + c.Documents, sum.Tokens + c.Tokens);
            }

            foreach (var c in entry.ProgrammingLanguages ?? [])
            {
                code.TryGetValue(c.Label, out var sum);
                code[c.Label] = (sum.Documents + c.Documents, sum.Tokens + c.Tokens);
            }
        }

        var stages = config.Stages.Select((plan, s) => Stage(plan, mixes[s], manifest, splits)).ToList();
        var languages = Languages(config, manifest, corpus);
        var domains = config.Stages.Select(plan => Domains(plan.Name, manifest)).ToList();
        var coverage = Coverage(config, corpus);
        var funnel = await FunnelAsync(outputDir, config, ledger, ingestTasks, ct).ConfigureAwait(false);
        var dedup = config.Dedup.Enabled ? await DedupAsync(outputDir, ct).ConfigureAwait(false) : new DedupSummary(0, 0, 0, 0, []);
        return new BuildReport(header, stages, languages, domains, ProgrammingLanguages(code), coverage, funnel, dedup, Synthetic(config, ledger));
    }

    /// <summary>The code documents' programming languages, most tokens first (then by name), with their share of all their tokens.</summary>
    private static List<ProgrammingLanguageShare> ProgrammingLanguages(SortedDictionary<string, (long Documents, long Tokens)> code)
    {
        var total = code.Values.Sum(c => c.Tokens);
        return [.. code
            .OrderByDescending(c => c.Value.Tokens)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new ProgrammingLanguageShare(c.Key, c.Value.Documents, c.Value.Tokens, total > 0 ? (double)c.Value.Tokens / total : 0))];
    }

    /// <summary>One row per synth task from its ledger entry: its kind (and part, when two tasks share a kind), generated = accepted + rejected, the rejected by cause.</summary>
    private static List<SyntheticRecipe> Synthetic(BuildConfig config, TaskLedger ledger)
    {
        var rows = new List<SyntheticRecipe>();
        for (var i = 0; i < SynthTaskExecutor.TaskCount(config); i++)
        {
            var entry = ledger.Read<SynthLedgerEntry>(SynthTaskExecutor.Phase, i);
            var shared = config.Synth.Tasks.Count(t => t == entry.Task) > 1;
            var generated = (long)entry.Accepted + entry.Rejected;
            var rejectedBy = entry.RejectedBy
                .Where(r => r.Value > 0)
                .OrderByDescending(r => r.Value)
                .ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new SyntheticRejection(r.Key, r.Value));
            rows.Add(new SyntheticRecipe(
                shared ? $"{entry.Task} {PhaseTask.NameOf(i)}" : entry.Task,
                generated,
                entry.Accepted,
                generated > 0 ? (double)entry.Accepted / generated : 0,
                [.. rejectedBy]));
        }

        return rows;
    }

    private static StageReport Stage(StagePlan plan, StageMix mix, Manifest manifest, Dictionary<(string Stage, string Split), StageSplitStats> splits)
    {
        var train = splits.GetValueOrDefault((plan.Name, "train")) ?? new StageSplitStats();
        var valid = splits.GetValueOrDefault((plan.Name, "valid")) ?? new StageSplitStats();
        var counts = manifest.TokenCounts.Where(c => c.Stage == plan.Name).ToList();
        var checks = new List<ReportCheck>
        {
            new("budget", plan.TokenBudget is null ? "tokens (no budget: as the shares allow)" : "tokens",
                1, mix.Budget > 0 ? (double)mix.SelectedTokens / mix.Budget : 0, mix.EligibleTokens, mix.BudgetMet, mix.BudgetNote),
        };
        checks.AddRange(mix.Checks.Select(c => new ReportCheck(c.Dimension.ToString().ToLowerInvariant(), c.Group, c.Target, c.Measured, c.AvailableTokens, c.Met, c.Note)));
        return new StageReport(
            plan.Name,
            plan.ContextLength,
            plan.TokenBudget,
            counts.Sum(c => c.Tokens),
            counts.Sum(c => c.Documents),
            valid.Documents,
            valid.Tokens,
            train.Sequences + valid.Sequences,
            train.PaddingTokens + valid.PaddingTokens,
            train.TruncatedDocuments + valid.TruncatedDocuments,
            train.UpsampledDocuments,
            train.UpsampledTokens,
            train.DownsampledDocuments,
            train.DownsampledTokens,
            Describe(plan),
            checks,
            Lengths(train, valid));
    }

    private static string Describe(StagePlan plan)
    {
        var e = plan.Eligibility;
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{e.MinTokens:N0}") + (e.MaxTokens is { } max ? string.Create(CultureInfo.InvariantCulture, $" to {max:N0} tokens") : "+ tokens"),
        };
        if (!e.Languages.IsDefaultOrEmpty)
        {
            parts.Add("languages " + string.Join(", ", e.Languages));
        }

        if (!e.Domains.IsDefaultOrEmpty)
        {
            parts.Add("domains " + string.Join(", ", e.Domains));
        }

        if (!e.Sources.IsDefaultOrEmpty)
        {
            parts.Add("sources " + string.Join(", ", e.Sources));
        }

        if (e.MinEduScore is { } edu)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"edu score ≥ {edu:0.##}"));
        }

        parts.Add(string.Create(CultureInfo.InvariantCulture, $"at most {plan.MaxEpochs:0.##} epochs"));
        return string.Join("; ", parts);
    }

    private static List<LengthBucket> Lengths(StageSplitStats train, StageSplitStats valid)
    {
        var buckets = new List<LengthBucket>();
        var used = Enumerable.Range(0, StageSplitStats.LengthBuckets).Where(b => train.LengthDocuments[b] + valid.LengthDocuments[b] > 0).ToList();
        if (used.Count == 0)
        {
            return buckets;
        }

        for (var b = used[0]; b <= used[^1]; b++)
        {
            var low = 1L << b;
            var label = string.Create(CultureInfo.InvariantCulture, $"{low:N0}–{(low << 1) - 1:N0}");
            buckets.Add(new LengthBucket(label, low, train.LengthDocuments[b] + valid.LengthDocuments[b], train.LengthTokens[b] + valid.LengthTokens[b]));
        }

        return buckets;
    }

    private static List<LanguageRow> Languages(BuildConfig config, Manifest manifest, SortedDictionary<(string Language, string Source), (long Documents, long Tokens)> corpus)
    {
        var names = Qwen3Languages.All.ToDictionary(l => l.Code, l => l.Name, StringComparer.Ordinal);
        var codes = manifest.TokenCounts.Select(c => c.Language).Concat(corpus.Keys.Select(k => k.Language)).Distinct(StringComparer.Ordinal);
        var byTokens = codes
            .Select(code => (Code: code, Tokens: corpus.Where(c => c.Key.Language == code).Sum(c => c.Value.Tokens)))
            .OrderByDescending(c => c.Tokens)
            .ThenBy(c => c.Code, StringComparer.Ordinal);
        return [.. byTokens.Select(l => new LanguageRow(
            l.Code,
            names.GetValueOrDefault(l.Code, string.Empty),
            [.. config.Stages.Select(s =>
            {
                var counts = manifest.TokenCounts.Where(c => c.Stage == s.Name && c.Language == l.Code).ToList();
                return new StageCount(s.Name, counts.Sum(c => c.Documents), counts.Sum(c => c.Tokens));
            })],
            [.. corpus.Where(c => c.Key.Language == l.Code).Select(c => new SourceCount(c.Key.Source, c.Value.Documents, c.Value.Tokens))]))];
    }

    private static StageDomains Domains(string stage, Manifest manifest)
    {
        var counts = manifest.TokenCounts.Where(c => c.Stage == stage).ToList();
        var total = counts.Sum(c => c.Tokens);
        var rows = counts.GroupBy(c => c.Domain, StringComparer.Ordinal)
            .Select(g => (Domain: g.Key, Documents: g.Sum(c => c.Documents), Tokens: g.Sum(c => c.Tokens)))
            .OrderByDescending(r => r.Tokens)
            .ThenBy(r => r.Domain, StringComparer.Ordinal)
            .Select(r => new DomainShare(r.Domain, r.Documents, r.Tokens, total > 0 ? (double)r.Tokens / total : 0));
        return new StageDomains(stage, [.. rows]);
    }

    private static Qwen3Coverage Coverage(BuildConfig config, SortedDictionary<(string Language, string Source), (long Documents, long Tokens)> corpus)
    {
        var total = corpus.Values.Sum(v => v.Tokens);
        var rows = Qwen3Languages.All.Select(l =>
        {
            var tokens = corpus.Where(c => c.Key.Language == l.Code).Sum(c => c.Value.Tokens);
            return new Qwen3Language(l.Code, l.Name, tokens > 0, tokens, total > 0 ? (double)tokens / total : 0, config.Shards.LanguageTargetTokens, tokens > 0 && tokens >= config.Shards.LanguageTargetTokens);
        }).ToList();
        return new Qwen3Coverage(rows.Count(r => r.Present), rows.Count(r => r.Met), rows);
    }

    private static async Task<FilterFunnel> FunnelAsync(string outputDir, BuildConfig config, TaskLedger ledger, int taskCount, CancellationToken ct)
    {
        var rejects = new SortedDictionary<(string Phase, string Reason), long>();
        var rejectTokens = new Dictionary<(string Phase, string Reason), long?>();
        var rejectsDir = Path.Combine(outputDir, BuildLayout.RejectsDir);
        if (Directory.Exists(rejectsDir))
        {
            foreach (var file in Directory.EnumerateFiles(rejectsDir, "*.parquet").Order(StringComparer.Ordinal))
            {
                await foreach (var row in ParquetPartReader.ReadAsync<RejectRow>(file, ct).ConfigureAwait(false))
                {
                    rejects.TryGetValue((row.Phase, row.Reason), out var n);
                    rejects[(row.Phase, row.Reason)] = n + 1;

                    // A reason's tokens are known only when every one of its rows carries them.
                    var key = (row.Phase, row.Reason);
                    rejectTokens[key] = n == 0 ? row.Tokens : rejectTokens[key] + row.Tokens;
                }
            }
        }

        var ingested = Enumerable.Range(0, taskCount).Sum(i => ledger.Read<IngestLedgerEntry>(IngestTaskExecutor.Phase, i).Documents);
        var remaining = ingested + rejects.Where(r => r.Key.Phase == IngestTaskExecutor.Phase).Sum(r => r.Value);
        var steps = new List<FunnelStep>();
        foreach (var phase in new[] { IngestTaskExecutor.Phase, FilterTaskExecutor.Phase, DedupTaskExecutor.Phase })
        {
            foreach (var ((p, reason), count) in rejects.Where(r => r.Key.Phase == phase).OrderByDescending(r => r.Value).ThenBy(r => r.Key.Reason, StringComparer.Ordinal))
            {
                remaining -= count;
                steps.Add(new FunnelStep(p, reason, count, rejectTokens[(p, reason)], remaining));
            }
        }

        foreach (var ((p, reason), count) in rejects.Where(r => r.Key.Phase is not (IngestTaskExecutor.Phase or FilterTaskExecutor.Phase or DedupTaskExecutor.Phase)))
        {
            remaining -= count;
            steps.Add(new FunnelStep(p, reason, count, rejectTokens[(p, reason)], remaining));
        }

        return new FilterFunnel(steps, [.. rejects.Select(r => new RejectCount(r.Key.Phase, r.Key.Reason, r.Value))]);
    }

    private static async Task<DedupSummary> DedupAsync(string outputDir, CancellationToken ct)
    {
        var path = Path.Combine(outputDir, BuildLayout.DedupDir, "clusters.parquet");
        if (!File.Exists(path))
        {
            return new DedupSummary(0, 0, 0, 0, []);
        }

        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long removed = 0;
        await foreach (var row in ParquetPartReader.ReadAsync<DedupOutputs.ClusterRow>(path, ct).ConfigureAwait(false))
        {
            sizes[row.KeeperId] = sizes.GetValueOrDefault(row.KeeperId) + 1;
            if (row.Reason != "keeper")
            {
                removed++;
            }
        }

        var histogram = sizes.Values
            .GroupBy(SizeBucket)
            .OrderBy(g => g.Min())
            .Select(g => new ClusterSizeBucket(g.Key, g.LongCount()))
            .ToList();
        return new DedupSummary(sizes.Count, sizes.Values.Sum(), removed, sizes.Count == 0 ? 0 : sizes.Values.Max(), histogram);
    }

    private static string SizeBucket(long size) => size switch
    {
        <= 2 => "2",
        <= 3 => "3",
        <= 5 => "4–5",
        <= 10 => "6–10",
        <= 100 => "11–100",
        _ => "101+",
    };
}
