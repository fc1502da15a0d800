using System.Collections.Immutable;
using Corpus.Core.Languages;

namespace Corpus.Core.Documents;

/// <summary>
/// One document as it flows through a build: where it came from, its text, and every signal and
/// label the phases attach. Dictionaries are sorted by key so that serialized output is stable.
/// </summary>
public sealed record Document
{
    /// <summary>Stable hex id: <see cref="DocumentId.Compute(string, ReadOnlySpan{byte})"/> of source URI and content.</summary>
    public required string Id { get; init; }

    /// <summary>Where the document came from: a URL, or a path relative to the input folder for local files.</summary>
    public required string SourceUri { get; init; }

    /// <summary>Which kind of source produced it.</summary>
    public required SourceKind SourceKind { get; init; }

    /// <summary>MIME type of the original content, e.g. <c>text/html</c>.</summary>
    public required string ContentType { get; init; }

    /// <summary>Title when the source has one (an HTML title, a Markdown heading).</summary>
    public string? Title { get; init; }

    /// <summary>The document's text, NFC-normalized by the extractor.</summary>
    public required string Text { get; init; }

    /// <summary>Language in the <c>eng_Latn</c> form, once known.</summary>
    public LanguageCode? Language { get; init; }

    /// <summary>Numeric signals (quality, edu score, language probability), by name.</summary>
    public ImmutableSortedDictionary<string, double> Scores { get; init; } = ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Categorical labels (domain, field, safety), by name.</summary>
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Free-form source metadata (file size, HTTP headers, PDF author), by name.</summary>
    public ImmutableSortedDictionary<string, string> Metadata { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
}
