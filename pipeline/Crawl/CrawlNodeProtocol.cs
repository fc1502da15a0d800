namespace Corpus.Pipeline.Crawl;

/// <summary>
/// Crawl messages that cross nodes in cluster mode: plain data only, written by the cluster's
/// message serializer. The rest of the crawl protocol (fetch requests, fetched pages, WARC
/// exchanges) stays inside a node.
/// </summary>
internal interface ICrawlWireMessage;

/// <summary>How a crawl node fetches and writes for one crawl: the crawl's settings a node needs.</summary>
internal sealed record CrawlNodeSettings(
    string WarcDirectory,
    string WarcPrefix,
    long WarcFileBytes,
    string UserAgent,
    long MaxBodyBytes,
    int RequestTimeoutMs,
    int Fetchers,
    int PolitenessMs,
    int MaxConnectionsPerHost,
    long? Seed);

/// <summary>Coordinator to crawl node: take part in crawl <paramref name="CrawlId"/>.</summary>
internal sealed record StartCrawlSession(string CrawlId, CrawlNodeSettings Settings) : ICrawlWireMessage;

/// <summary>Coordinator to crawl node: fetch <paramref name="Url"/> of <paramref name="Site"/>, a host this node owns for the crawl.</summary>
internal sealed record HostUrl(string CrawlId, string Site, string Url, int Depth) : ICrawlWireMessage;

/// <summary>Coordinator to crawl node: the crawl is over; close the node's WARC file.</summary>
internal sealed record CloseNodeWarc(string CrawlId) : ICrawlWireMessage;

/// <summary>Crawl node to coordinator: the node's WARC files are closed.</summary>
internal sealed record NodeWarcClosed(string CrawlId, IReadOnlyList<string> Files) : ICrawlWireMessage;

/// <summary>Crawl node to coordinator: the node could not write or close its WARC file.</summary>
internal sealed record NodeWarcFailed(string CrawlId, string Reason) : ICrawlWireMessage;
