using Corpus.Ingest.Html;

namespace Corpus.Pipeline.Build;

/// <summary>The HTML-to-text step the build uses for web pages (WARC records).</summary>
internal static class HtmlExtraction
{
    public static (string? Title, string Text) Extract(string html, string? url) => HtmlTextExtractor.Extract(html);
}
