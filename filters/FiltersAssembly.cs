namespace Corpus.Filters;

/// <summary>Names this assembly (filters, quality rules, PII, dedup, decontamination) for reflection.</summary>
public static class FiltersAssembly
{
    /// <summary>The component's name.</summary>
    public const string Name = "corpus.filters";
}
