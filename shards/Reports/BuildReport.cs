namespace Corpus.Shards.Reports;

/// <summary>
/// Everything the build report shows, gathered by the pipeline from a build's outputs; the renderer
/// (<see cref="ReportWriter"/>) needs nothing else. Lists are rendered in the order given. Saved as
/// <c>report/report.json</c> (docs/formats.md) and read back by <see cref="Load"/>.
/// </summary>
/// <param name="Header">Title, hashes, seed and totals (equal to manifest.json's).</param>
/// <param name="Stages">The pre-training stages, in build order.</param>
/// <param name="Languages">Documents and tokens per language, by stage and by source.</param>
/// <param name="Domains">The domain mix of each stage.</param>
/// <param name="ProgrammingLanguages">The programming languages of the corpus's code documents, most tokens first; empty when none has one.</param>
/// <param name="Qwen3Coverage">The 119 Qwen3 languages: present, tokens, target met.</param>
/// <param name="Funnel">What each filter step removed, and rejects by reason.</param>
/// <param name="Dedup">Near-duplicate clusters and what was removed.</param>
/// <param name="Synthetic">Synthetic-data recipes (the synth phase's tasks) with their acceptance; empty when the build generated none.</param>
public sealed record BuildReport(
    ReportHeader Header,
    IReadOnlyList<StageReport> Stages,
    IReadOnlyList<LanguageRow> Languages,
    IReadOnlyList<StageDomains> Domains,
    IReadOnlyList<ProgrammingLanguageShare> ProgrammingLanguages,
    Qwen3Coverage Qwen3Coverage,
    FilterFunnel Funnel,
    DedupSummary Dedup,
    IReadOnlyList<SyntheticRecipe> Synthetic)
{
    /// <summary>
    /// Reads a <c>report.json</c>; throws <see cref="InvalidDataException"/> naming the file when it
    /// is not JSON, misses or adds a key, or has a value of the wrong type.
    /// </summary>
    public static BuildReport Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReportJson.Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses <c>report.json</c> bytes; <paramref name="sourceName"/> names them in errors.</summary>
    public static BuildReport Parse(ReadOnlySpan<byte> utf8Json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        return ReportJson.Parse(utf8Json, sourceName);
    }
}
