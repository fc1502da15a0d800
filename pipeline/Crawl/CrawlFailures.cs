namespace Corpus.Pipeline.Crawl;

/// <summary>Failure reasons the crawl itself gives (the fetcher's are in <see cref="Ingest.Web.FetchFailures"/>).</summary>
internal static class CrawlFailures
{
    /// <summary>A redirect: stored as it is, its target queued in the frontier instead of followed.</summary>
    public const string Redirect = "redirect";

    /// <summary>Refused by the crawl scope (host, depth, patterns) or a trap guard.</summary>
    public const string OutOfScope = "out-of-scope";
}
