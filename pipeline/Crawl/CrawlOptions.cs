namespace Corpus.Pipeline.Crawl;

/// <summary>What to crawl and how politely.</summary>
public sealed record CrawlOptions
{
    /// <summary>Start URLs (http or https).</summary>
    public required IReadOnlyList<string> Seeds { get; init; }

    /// <summary>Folder the WARC files go to.</summary>
    public required string WarcDirectory { get; init; }

    /// <summary>WARC file name prefix: files are <c>{prefix}-00000.warc.gz</c>, ...</summary>
    public string WarcPrefix { get; init; } = "crawl";

    /// <summary>A WARC file rolls over past this size.</summary>
    public long WarcFileBytes { get; init; } = 1L << 30;

    /// <summary>Pages to fetch at most (robots.txt not counted).</summary>
    public int MaxPages { get; init; } = 10_000;

    /// <summary>Links followed from a seed at most.</summary>
    public int MaxDepth { get; init; } = 10;

    /// <summary>Hosts the crawl may enter (exact, or <c>*.example.com</c>); empty means the seeds' hosts.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Regular expressions a URL must match one of (empty: any).</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Regular expressions that exclude a URL.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Least time between the starts of two requests to one host; robots.txt's Crawl-delay raises it.</summary>
    public TimeSpan Politeness { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests open at once to one host.</summary>
    public int MaxConnectionsPerHost { get; init; } = 1;

    /// <summary>Fetcher actors: requests open at once in all.</summary>
    public int Fetchers { get; init; } = 16;

    /// <summary>User-Agent header and robots.txt product token.</summary>
    public string UserAgent { get; init; } = "CorpusBot/1.0";

    /// <summary>Largest body kept; a longer one is cut and reported.</summary>
    public long MaxBodyBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Time allowed for one whole request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Frontier URLs held in memory; the rest wait on disk.</summary>
    public int FrontierMemory { get; init; } = 100_000;

    /// <summary>
    /// Resume the crawl journaled in <see cref="WarcDirectory"/> (<c>.crawl/journal.log</c>) when there
    /// is one: URLs already fetched are not fetched again. When false, an earlier journal is discarded.
    /// </summary>
    public bool Resume { get; init; } = true;

    /// <summary>Seed for WARC record ids; null for random ids.</summary>
    public long? Seed { get; init; }
}
