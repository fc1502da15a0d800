using Corpus.Shards.Reports;
using Corpus.Tests.Shared;

namespace Corpus.Shards.Tests.Reports;

/// <summary>
/// A realistic report made by hand: three stages (s1 general 4K, s2 STEM/code/reasoning 4K, s3
/// long-context 32K), twelve languages, the 119 Qwen3 languages of filters/Languages/data, a filter
/// funnel, dedup clusters and no synthetic data. Stage and total counts add up as in a manifest.
/// </summary>
internal static class ReportSample
{
    private static readonly (string Code, string Name, double Weight, int TokensPerDocument)[] LanguageMix =
    [
        ("eng_Latn", "English", 0.46, 610), ("zho_Hans", "Chinese (Simplified)", 0.14, 520), ("spa_Latn", "Spanish", 0.07, 580),
        ("fra_Latn", "French", 0.06, 590), ("deu_Latn", "German", 0.055, 600), ("rus_Cyrl", "Russian", 0.05, 640),
        ("jpn_Jpan", "Japanese", 0.045, 700), ("arb_Arab", "Modern Standard Arabic", 0.035, 560), ("por_Latn", "Portuguese", 0.03, 570),
        ("hin_Deva", "Hindi", 0.025, 690), ("kor_Hang", "Korean", 0.02, 650), ("swh_Latn", "Swahili", 0.01, 450),
    ];

    private static readonly (string Name, int Context, long? Budget, long Tokens, string Eligibility)[] StageMix =
    [
        ("s1", 4096, 2_000_000, 1_855_561, "every kept document"),
        ("s2", 4096, 650_000, 612_340, "domain in math, code, science or reasoning; quality score >= 0.6"),
        ("s3", 32768, null, 248_117, "documents of 8,192 tokens or more"),
    ];

    private static readonly (string Stage, (string Domain, double Share)[] Mix)[] DomainMix =
    [
        ("s1", [("web", 0.62), ("encyclopedic", 0.15), ("news", 0.12), ("code", 0.06), ("math", 0.05)]),
        ("s2", [("math", 0.35), ("code", 0.35), ("science", 0.2), ("reasoning", 0.1)]),
        ("s3", [("books", 0.5), ("web", 0.3), ("code", 0.2)]),
    ];

    public static BuildReport Create()
    {
        var languages = LanguageMix.Select(l => new LanguageRow(
            l.Code,
            l.Name,
            [.. StageMix.Select(s => StageCountOf(s.Name, s.Tokens, l.Code))],
            [new SourceCount("web", 0, 0), new SourceCount("file", 0, 0)])).ToList();
        languages = [.. languages.Select(row => row with { Sources = SourcesOf(row) })];

        var stages = StageMix.Select(s =>
        {
            var tokens = languages.Sum(l => l.Stages.Single(c => c.Stage == s.Name).Tokens);
            var documents = languages.Sum(l => l.Stages.Single(c => c.Stage == s.Name).Documents);
            return new StageReport(
                s.Name, s.Context, s.Budget, tokens, documents,
                ValidationDocuments: documents / 200, ValidationTokens: tokens / 200,
                Sequences: (tokens + s.Context - 1) / s.Context, PaddingTokens: s.Context - (tokens % s.Context),
                TruncatedDocuments: s.Name == "s3" ? 17 : documents / 90,
                UpsampledDocuments: documents / 40, UpsampledTokens: tokens / 35,
                DownsampledDocuments: s.Budget is null ? 0 : documents / 12, DownsampledTokens: s.Budget is null ? 0 : tokens / 11,
                s.Eligibility, ChecksOf(s.Name), HistogramOf(s.Name, documents, tokens));
        }).ToList();

        var totalTokens = stages.Sum(s => s.Tokens);
        var totalDocuments = stages.Sum(s => s.Documents);
        var domains = DomainMix.Select(d =>
        {
            var stage = stages.Single(s => s.Name == d.Stage);
            var rows = new List<DomainShare>();
            long tokensLeft = stage.Tokens, documentsLeft = stage.Documents;
            for (var i = 0; i < d.Mix.Length; i++)
            {
                var last = i == d.Mix.Length - 1;
                var tokens = last ? tokensLeft : (long)Math.Round(stage.Tokens * d.Mix[i].Share);
                var documents = last ? documentsLeft : (long)Math.Round(stage.Documents * d.Mix[i].Share);
                tokensLeft -= tokens;
                documentsLeft -= documents;
                rows.Add(new DomainShare(d.Mix[i].Domain, documents, tokens, (double)tokens / stage.Tokens));
            }

            return new StageDomains(d.Stage, rows);
        }).ToList();

        return new BuildReport(
            new ReportHeader("corpus build: qwen3-sample", new string('a', 64), new string('b', 64), 42, new ReportTotals(totalDocuments, totalTokens)),
            stages,
            languages,
            domains,
            [new ProgrammingLanguageShare("Python", 4_210, 3_100_000, 0.5), new ProgrammingLanguageShare("C++", 1_730, 1_860_000, 0.3), new ProgrammingLanguageShare("Rust", 905, 1_240_000, 0.2)],
            CoverageOf(languages, totalTokens),
            Funnel(),
            new DedupSummary(12_345, 55_555, 43_210, 812, [
                new ClusterSizeBucket("2", 8_120), new ClusterSizeBucket("3–4", 2_950), new ClusterSizeBucket("5–8", 910),
                new ClusterSizeBucket("9–16", 270), new ClusterSizeBucket("17–64", 84), new ClusterSizeBucket("65+", 11)]),
            []);
    }

    private static StageCount StageCountOf(string stage, long stageTokens, string code)
    {
        var (_, _, weight, perDocument) = LanguageMix.Single(l => l.Code == code);
        var skew = stage switch { "s2" => code == "eng_Latn" ? 1.15 : 0.93, "s3" => code is "eng_Latn" or "zho_Hans" ? 1.1 : 0.82, _ => 1.0 };
        var tokens = (long)Math.Round(stageTokens * weight * skew);
        var documents = Math.Max(1, tokens / (stage == "s3" ? perDocument * 14 : perDocument));
        return new StageCount(stage, documents, tokens);
    }

    private static List<SourceCount> SourcesOf(LanguageRow row)
    {
        var tokens = row.Stages.Sum(s => s.Tokens);
        var documents = row.Stages.Sum(s => s.Documents);
        var web = (long)Math.Round(tokens * 0.83);
        var webDocuments = (long)Math.Round(documents * 0.86);
        return [new SourceCount("web", webDocuments, web), new SourceCount("file", documents - webDocuments, tokens - web)];
    }

    private static List<MixtureCheck> ChecksOf(string stage) => stage switch
    {
        "s1" =>
        [
            new("language", "eng_Latn", 0.45, 0.4614, 1_104_220, true, ""),
            new("language", "zho_Hans", 0.15, 0.1398, 260_300, false, "all eligible taken"),
            new("language", "swh_Latn", 0.02, 0.0100, 4_650, false, "capped at 4 epochs"),
            new("language", "yor_Latn", 0.005, 0, 0, false, ""),
            new("domain", "web", null, 0.62, 1_420_000, true, ""),
            new("source", "web", 0.8, 0.83, 1_650_000, true, ""),
            new("length", "0–1K", null, 0.41, 800_000, true, ""),
        ],
        "s2" =>
        [
            new("domain", "math", 0.35, 0.35, 290_000, true, ""),
            new("domain", "code", 0.35, 0.35, 410_000, true, ""),
            new("domain", "reasoning", 0.15, 0.1, 61_234, false, "no more eligible data"),
        ],
        _ =>
        [
            new("length", "8K–32K", 0.7, 0.78, 190_000, true, ""),
            new("length", "32K+", 0.3, 0.22, 54_000, false, "truncated to the context length"),
        ],
    };

    private static List<LengthBucket> HistogramOf(string stage, long documents, long tokens)
    {
        (string Label, long Lower, double Share)[] buckets = stage == "s3"
            ? [("8K–12K", 8192, 0.38), ("12K–16K", 12288, 0.27), ("16K–24K", 16384, 0.19), ("24K–32K", 24576, 0.11), ("32K+", 32768, 0.05)]
            : [("0–128", 0, 0.08), ("128–256", 128, 0.14), ("256–512", 256, 0.24), ("512–1K", 512, 0.26), ("1K–2K", 1024, 0.16), ("2K–4K", 2048, 0.09), ("4K+", 4096, 0.03)];
        var rows = new List<LengthBucket>();
        var weight = buckets.Select((b, i) => b.Share * (i + 1)).ToArray();
        long documentsLeft = documents, tokensLeft = tokens;
        for (var i = 0; i < buckets.Length; i++)
        {
            var last = i == buckets.Length - 1;
            var d = last ? documentsLeft : (long)Math.Round(documents * buckets[i].Share);
            var t = last ? tokensLeft : (long)Math.Round(tokens * weight[i] / weight.Sum());
            documentsLeft -= d;
            tokensLeft -= t;
            rows.Add(new LengthBucket(buckets[i].Label, buckets[i].Lower, d, t));
        }

        return rows;
    }

    private static Qwen3Coverage CoverageOf(IReadOnlyList<LanguageRow> languages, long totalTokens)
    {
        var rows = new List<Qwen3Language>();
        foreach (var line in File.ReadLines(Path.Combine(RepoData.Root, "filters", "Languages", "data", "qwen3-languages.tsv")).Skip(1))
        {
            var fields = line.Split('\t');
            var tokens = languages.FirstOrDefault(l => l.Code == fields[0]) is { } row ? row.Stages.Sum(s => s.Tokens) : 0;
            const long Target = 60_000;
            rows.Add(new Qwen3Language(fields[0], fields[1], tokens > 0, tokens, (double)tokens / totalTokens, Target, tokens >= Target));
        }

        return new Qwen3Coverage(rows.Count(r => r.Present), rows.Count(r => r.Met), rows);
    }

    private static FilterFunnel Funnel()
    {
        (string Phase, string Rule, long Removed, long? Tokens)[] steps =
        [
            ("ingest", "unreadable", 1_204, null), ("filter", "language_confidence", 61_380, null), ("filter", "gopher_quality", 142_907, null),
            ("filter", "gopher_repetition", 38_412, null), ("filter", "c4_lines", 17_355, null), ("filter", "url_blocklist", 2_093, null),
            ("dedup", "minhash_near_duplicate", 43_210, 31_502_118), ("tokenize", "too_short", 5_120, 160_332),
        ];
        var remaining = 1_000_000L;
        var rows = new List<FunnelStep>();
        foreach (var (phase, rule, removed, tokens) in steps)
        {
            remaining -= removed;
            rows.Add(new FunnelStep(phase, rule, removed, tokens, remaining));
        }

        return new FilterFunnel(rows, [.. steps.Where(s => s.Phase != "dedup").Select(s => new RejectCount(s.Phase, s.Rule, s.Removed)).OrderByDescending(r => r.Documents)]);
    }
}
