namespace Corpus.Shards.Reports;

/// <summary>One language: documents and tokens in each stage and from each source.</summary>
/// <param name="Code">The language code, e.g. <c>eng_Latn</c>.</param>
/// <param name="Name">Its English name.</param>
/// <param name="Stages">Counts per stage (the language's total is their sum).</param>
/// <param name="Sources">Counts per source kind over all stages.</param>
public sealed record LanguageRow(string Code, string Name, IReadOnlyList<StageCount> Stages, IReadOnlyList<SourceCount> Sources);
