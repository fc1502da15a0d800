using System.Collections.Immutable;
using System.Globalization;

namespace Corpus.Ingest.Html;

/// <summary>What an <see cref="ExtractedPage"/> adds to a document's metadata: the page's language tag, canonical URL, date and author.</summary>
internal static class PageMetadata
{
    /// <summary>The plain reduction as an <see cref="ExtractedPage"/>: title and text, no metadata.</summary>
    public static ExtractedPage PlainText(string html, string? url)
    {
        var (title, text) = HtmlTextExtractor.Extract(html);
        return new ExtractedPage(title, text, null, null, null, null);
    }

    public static void AddTo(ImmutableSortedDictionary<string, string>.Builder metadata, ExtractedPage page)
    {
        Add(metadata, "html_lang", page.Language);
        Add(metadata, "canonical_url", page.CanonicalUrl);
        Add(metadata, "date", page.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(metadata, "author", page.Author);
    }

    private static void Add(ImmutableSortedDictionary<string, string>.Builder metadata, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            metadata[key] = value.Trim();
        }
    }
}
