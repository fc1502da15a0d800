namespace Corpus.Filters.Languages;

/// <summary>The 119 languages and dialects of the Qwen3 report, as FLORES-200 codes (data/qwen3-languages.tsv).</summary>
public static class Qwen3Languages
{
    private static readonly Lazy<HashSet<string>> Set = new(() => LanguageTable.All.Select(p => p.Code).ToHashSet(StringComparer.Ordinal));

    /// <summary>Every code, e.g. <c>eng_Latn</c>, <c>zho_Hans</c>.</summary>
    public static IReadOnlySet<string> Codes => Set.Value;
}
