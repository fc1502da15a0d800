using Corpus.Ingest.Web;

namespace Corpus.Pipeline.Crawl;

/// <summary>
/// The URLs a fetched page leads to: links (and the canonical URL) of an HTML page, unless it says
/// nofollow; the URLs of an XML sitemap; nothing for anything else. Used on fetch and again when a
/// resumed crawl rereads the pages its WARC files already hold.
/// </summary>
internal static class PageLinks
{
    public static IReadOnlyList<string> Of(int? status, string? contentType, ReadOnlyMemory<byte> body, string url)
    {
        if (status != 200 || body.IsEmpty)
        {
            return [];
        }

        var route = ContentRouter.Route(contentType, body.Span);
        try
        {
            if (route.Kind == ContentKind.Html)
            {
                var html = CharsetDetector.Decode(body.Span, contentType);
                var links = LinkExtractor.Extract(html, url);
                if (links.NoFollow)
                {
                    return [];
                }

                // The canonical URL is a link too: the frontier's dedup keeps it from being fetched twice.
                return links.Canonical is { } canonical && !links.Links.Contains(canonical) ? [.. links.Links, canonical] : links.Links;
            }

            if (route.MediaType.Contains("xml", StringComparison.OrdinalIgnoreCase))
            {
                return SitemapParser.Parse(body.Span).Urls;
            }
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or System.Xml.XmlException or ArgumentException)
        {
            // A page whose links cannot be read still counts as fetched; it simply gives no links.
        }

        return [];
    }
}
