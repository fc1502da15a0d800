using Corpus.Ingest.Html;

namespace Corpus.Pipeline.Build;

/// <summary>
/// The HTML-to-text step a build uses for web pages and HTML files: main-content extraction
/// (boilerplate dropped, light Markdown kept; language tag, canonical URL, date and author kept as
/// metadata).
/// </summary>
internal static class HtmlExtraction
{
    public static ExtractedPage Extract(string html, string? url)
    {
        Core.Documents.DocumentDeadline.Step("html extraction");
        return MainContentExtractor.Extract(html, url);
    }
}
