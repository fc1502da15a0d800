namespace Corpus.Pipeline.Execution;

/// <summary>Names of the folders and files a build writes under its output folder.</summary>
internal static class BuildLayout
{
    /// <summary>Build state: the build identity and the task ledger.</summary>
    public const string StateDir = "_build";

    /// <summary>Ingested documents, <c>docs/part-NNNNN.parquet</c>.</summary>
    public const string DocsDir = "docs";

    /// <summary>Rejected inputs, <c>rejects/part-&lt;phase&gt;-NNNNN.parquet</c>.</summary>
    public const string RejectsDir = "rejects";

    /// <summary>Documents that passed the filter phase, <c>filtered/part-NNNNN.parquet</c>.</summary>
    public const string FilteredDir = "filtered";

    /// <summary>Dedup output: <c>dedup/kept/part-NNNNN.parquet</c> and <c>dedup/clusters.parquet</c>.</summary>
    public const string DedupDir = "dedup";

    /// <summary>Token shards, <c>shards/&lt;stage&gt;/…</c>.</summary>
    public const string ShardsDir = "shards";

    /// <summary>Tokenized documents between dedup and the stages, <c>tokens/part-NNNNN.parquet</c>.</summary>
    public const string TokensDir = "tokens";

    /// <summary>The language-mix report: <c>report/index.html</c>, <c>report.json</c>, <c>report.md</c>.</summary>
    public const string ReportDir = "report";

    /// <summary>WARC files of a crawl (the sample build's input).</summary>
    public const string WarcDir = "warc";

    /// <summary>The manifest of every shard file.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>The folders a build owns (and <c>--force</c> clears).</summary>
    public static IReadOnlyList<string> OwnedDirs { get; } = [StateDir, WarcDir, DocsDir, RejectsDir, FilteredDir, DedupDir, TokensDir, ShardsDir, ReportDir];
}
