namespace Corpus.Ingest.Web;

/// <summary>What a crawl may visit.</summary>
public sealed record CrawlScopeOptions
{
    /// <summary>Hosts allowed: exact names (<c>example.com</c>) or a wildcard for subdomains (<c>*.example.com</c>, which also allows <c>example.com</c>). Empty allows every host.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Most link hops from a seed (seeds are depth 0).</summary>
    public int MaxDepth { get; init; } = 5;

    /// <summary>Regular expressions a URL must match one of to be crawled; empty includes all.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Regular expressions that refuse a URL matching any of them.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Most pages admitted to the crawl.</summary>
    public long MaxPages { get; init; } = 100_000;
}
