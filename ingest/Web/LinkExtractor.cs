using AngleSharp.Dom;
using Corpus.Ingest.Html;

namespace Corpus.Ingest.Web;

/// <summary>
/// Finds the links to crawl on from an HTML page with AngleSharp: <c>a[href]</c> (and
/// <c>area[href]</c>) resolved against <c>&lt;base href&gt;</c> or the page URL, skipping
/// <c>rel=nofollow</c> links and, when <c>&lt;meta name=robots&gt;</c> says <c>nofollow</c>, all of
/// them; <c>&lt;link rel=canonical&gt;</c>; and the page's <c>noindex</c> flag. Links that are not
/// http(s) (<c>mailto:</c>, <c>javascript:</c>, …) are dropped.
/// </summary>
public static class LinkExtractor
{
    /// <summary>Extracts the links of <paramref name="html"/> fetched from <paramref name="pageUrl"/> (absolute).</summary>
    public static PageLinks Extract(string html, string pageUrl, bool dropTrackingParameters = false)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);
        using var document = HtmlDocuments.Parse(html);

        var baseUrl = UrlNormalizer.Normalize(pageUrl).Url ?? pageUrl;
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        if (baseHref is not null && UrlNormalizer.Resolve(baseUrl, baseHref).Url is { } resolvedBase)
        {
            baseUrl = resolvedBase;
        }

        var (noIndex, noFollow) = RobotsMeta(document);
        var canonicalHref = document.QuerySelectorAll("link[rel][href]")
            .FirstOrDefault(l => HasToken(l.GetAttribute("rel"), "canonical"))?.GetAttribute("href");
        var canonical = canonicalHref is null ? null : UrlNormalizer.Resolve(baseUrl, canonicalHref, dropTrackingParameters).Url;

        var links = new List<string>();
        if (!noFollow)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var anchor in document.QuerySelectorAll("a[href], area[href]"))
            {
                if (HasToken(anchor.GetAttribute("rel"), "nofollow"))
                {
                    continue;
                }

                var url = UrlNormalizer.Resolve(baseUrl, anchor.GetAttribute("href")!, dropTrackingParameters).Url;
                if (url is not null && seen.Add(url))
                {
                    links.Add(url);
                }
            }
        }

        return new PageLinks(links, canonical, baseUrl, noIndex, noFollow);
    }

    private static (bool NoIndex, bool NoFollow) RobotsMeta(IDocument document)
    {
        bool noIndex = false, noFollow = false;
        foreach (var meta in document.QuerySelectorAll("meta[name][content]"))
        {
            if (!string.Equals(meta.GetAttribute("name")?.Trim(), "robots", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var content = meta.GetAttribute("content")!;
            var none = HasToken(content, "none");
            noIndex |= none || HasToken(content, "noindex");
            noFollow |= none || HasToken(content, "nofollow");
        }

        return (noIndex, noFollow);
    }

    private static bool HasToken(string? list, string token) =>
        list is not null && list.Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Any(t => t.Equals(token, StringComparison.OrdinalIgnoreCase));
}
