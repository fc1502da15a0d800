namespace Corpus.Ingest.Web;

/// <summary>Settings of a <see cref="PageFetcher"/>.</summary>
public sealed record PageFetcherOptions
{
    /// <summary>The <c>User-Agent</c> sent; its first product token is what robots.txt groups are matched against.</summary>
    public string UserAgent { get; init; } = "CorpusBot/1.0";

    /// <summary>Time allowed for DNS and the TCP (and TLS) connect.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for one request: connect, headers and the whole body.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Most body bytes kept, as received and once decoded.</summary>
    public long MaxBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Most redirects followed.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Retries after a 5xx, a 429 or a network error (not after a timeout).</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>The first retry's backoff; it doubles per retry, with ±50% jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait honoured from a <c>Retry-After</c> header; longer asks are cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether <c>utm_*</c>, <c>fbclid</c>, <c>gclid</c> and similar are dropped from redirect targets.</summary>
    public bool DropTrackingParameters { get; init; }
}
