namespace Corpus.Ingest.Web;

/// <summary>Whether a URL may be crawled, and if not, why (a short kebab-case reason).</summary>
public sealed record CrawlVerdict(bool Allowed, string? Reason)
{
    /// <summary>The URL may be crawled.</summary>
    public static CrawlVerdict Allow { get; } = new(true, null);

    /// <summary>The URL is refused for <paramref name="reason"/>.</summary>
    public static CrawlVerdict Refuse(string reason) => new(false, reason);
}
