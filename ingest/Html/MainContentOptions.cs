namespace Corpus.Ingest.Html;

/// <summary>Options for <see cref="MainContentExtractor"/>.</summary>
public sealed record MainContentOptions
{
    /// <summary>The defaults.</summary>
    public static MainContentOptions Default { get; } = new();

    /// <summary>Keep data tables as rows of cells joined by <c> | </c>; when false, tables are dropped.</summary>
    public bool IncludeTables { get; init; } = true;

    /// <summary>
    /// Characters of text (not counting link text or whitespace) below which the chosen content is judged
    /// too small and the extractor falls back to the whole cleaned page.
    /// </summary>
    public int MinTextLength { get; init; } = 200;
}
