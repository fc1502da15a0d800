using Corpus.Ingest.Html;

namespace Corpus.Pipeline.Build;

/// <summary>
/// The HTML-to-text step a build uses for web pages and HTML files: main-content extraction
/// (boilerplate dropped, light Markdown kept).
/// </summary>
internal static class HtmlExtraction
{
    public static (string? Title, string Text) Extract(string html, string? url)
    {
        var page = MainContentExtractor.Extract(html, url);
        return (page.Title, page.Text);
    }
}
