namespace Corpus.Shards.Reports;

/// <summary>How the build covers the 119 languages Qwen3 names.</summary>
/// <param name="PresentCount">Languages with any tokens.</param>
/// <param name="MetCount">Languages that reached their target.</param>
/// <param name="Languages">One row per Qwen3 language (119).</param>
public sealed record Qwen3Coverage(long PresentCount, long MetCount, IReadOnlyList<Qwen3Language> Languages);
