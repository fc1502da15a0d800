namespace Corpus.Ingest.Web;

/// <summary>A parsed sitemap: page URLs, or (for a sitemap index) the URLs of further sitemaps.</summary>
/// <param name="IsIndex">True for a <c>&lt;sitemapindex&gt;</c>: <paramref name="Urls"/> are sitemaps, not pages.</param>
/// <param name="Urls">The <c>&lt;loc&gt;</c> URLs, normalized, in file order, invalid ones dropped.</param>
/// <param name="Truncated">True when the file held more than the URL limit, or ran past the size limit.</param>
public sealed record SitemapContent(bool IsIndex, IReadOnlyList<string> Urls, bool Truncated);
