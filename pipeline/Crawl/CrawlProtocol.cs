using Corpus.Ingest.Web;

namespace Corpus.Pipeline.Crawl;

/// <summary>Messages between the crawl coordinator, host actors, fetchers and the WARC sink.</summary>
internal interface ICrawlMessage;

/// <summary>Coordinator to host: fetch this URL when politeness allows.</summary>
internal sealed record CrawlUrl(string Url, int Depth) : ICrawlMessage;

/// <summary>Host to coordinator: a URL is finished, with the links it gave (absolute, normalized).</summary>
internal sealed record UrlDone(string Url, int Depth, int? Status, string? Failure, IReadOnlyList<string> Links) : ICrawlMessage, ICrawlWireMessage;

/// <summary>
/// Host (or WARC sink) to coordinator: a share of the links of a URL whose <see cref="UrlDone"/>
/// follows. A page's links travel in shares of at most <see cref="CrawlReports.LinksPerMessage"/>,
/// so no message between nodes grows with the page (a sitemap can name thousands).
/// </summary>
internal sealed record LinksFound(string Url, int Depth, IReadOnlyList<string> Links) : ICrawlMessage, ICrawlWireMessage;

/// <summary>Host to coordinator: robots.txt named these sitemaps.</summary>
internal sealed record SitemapsFound(IReadOnlyList<string> Urls) : ICrawlMessage, ICrawlWireMessage;

/// <summary>Host to fetcher: get one page; <paramref name="CheckHop"/> vets each redirect target.</summary>
internal sealed record FetchPage(string Url, int Depth, Func<string, CancellationToken, ValueTask<string?>> CheckHop) : ICrawlMessage;

/// <summary>Host to fetcher: get a host's robots.txt.</summary>
internal sealed record FetchRobots(string SiteUrl) : ICrawlMessage;

/// <summary>Fetcher to host: a page's result and the links found in it.</summary>
internal sealed record PageFetched(FetchPage Request, FetchResult Result, IReadOnlyList<string> Links) : ICrawlMessage;

/// <summary>Fetcher to host: the host's robots rules.</summary>
internal sealed record RobotsFetched(RobotsTxt Robots) : ICrawlMessage;

/// <summary>
/// Host to WARC sink: store one exchange, then pass <paramref name="Done"/> to <paramref name="NotifyTo"/>.
/// The URL stays in flight until its record is written, so the sink can never fall behind by more
/// than the coordinator's in-flight bound and memory stays bounded.
/// </summary>
internal sealed record StoreExchange(FetchResult Result, UrlDone Done, Akka.Actor.IActorRef NotifyTo) : ICrawlMessage;

/// <summary>Coordinator to WARC sink: close the current file and answer with every file written.</summary>
internal sealed record CloseWarc : ICrawlMessage
{
    public static CloseWarc Instance { get; } = new();

    private CloseWarc()
    {
    }
}

/// <summary>WARC sink to coordinator: the files written.</summary>
internal sealed record WarcClosed(IReadOnlyList<string> Files) : ICrawlMessage;

/// <summary>WARC sink to coordinator: a record could not be written (disk full, I/O error); the crawl fails.</summary>
internal sealed record WarcFailed(string Reason) : ICrawlMessage;
