namespace Corpus.Ingest.Web;

/// <summary>The reasons a <see cref="FetchResult"/> can carry in <see cref="FetchResult.Failure"/>.</summary>
public static class FetchFailures
{
    /// <summary>The fetch (one attempt: connect, headers and body) ran past the total timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>The body (as received, or once decoded) passed the size limit; the result holds what was read up to it.</summary>
    public const string TooLarge = "too-large";

    /// <summary>More redirects than allowed.</summary>
    public const string TooManyRedirects = "too-many-redirects";

    /// <summary>A redirect led back to a URL already in the chain.</summary>
    public const string RedirectLoop = "redirect-loop";

    /// <summary>A redirect without a usable <c>Location</c>.</summary>
    public const string BadRedirect = "bad-redirect";

    /// <summary>The URL to fetch is not a crawlable http(s) URL.</summary>
    public const string BadUrl = "bad-url";

    /// <summary>No TCP connection could be made (refused, unreachable, connect timeout).</summary>
    public const string ConnectFailed = "connect-failed";

    /// <summary>The host name did not resolve.</summary>
    public const string DnsFailed = "dns-failed";

    /// <summary>The connection failed after it was made (reset, TLS, malformed response).</summary>
    public const string NetworkError = "network-error";

    /// <summary>The final response was not 2xx (after retries); status, headers and body are kept.</summary>
    public const string HttpStatus = "http-status";

    /// <summary>The body could not be decoded from its <c>Content-Encoding</c>.</summary>
    public const string DecodeFailed = "decode-failed";

    /// <summary>robots.txt disallows the URL (given by a hop check, or by the caller before fetching).</summary>
    public const string RobotsDisallowed = "robots-disallowed";

    /// <summary>The URL is outside the crawl scope (given by a hop check).</summary>
    public const string OutOfScope = "out-of-scope";
}
