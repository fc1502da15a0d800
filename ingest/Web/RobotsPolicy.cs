namespace Corpus.Ingest.Web;

/// <summary>
/// Turns the fetch of a site's robots.txt into the rules to obey (RFC 9309 section 2.3.1):
/// 2xx → parse it; 4xx (and a redirect chain too long to follow) → unavailable, allow all;
/// 5xx, no answer, timeout → unreachable, disallow all. Redirects are followed (up to the
/// fetcher's limit, 5 by default). Caching, and the RFC's advice to stop treating a robots.txt
/// unreachable for 30 days as disallow-all, are the caller's (the per-host actor's).
/// </summary>
public static class RobotsPolicy
{
    /// <summary>The robots.txt URL of the site <paramref name="siteUrl"/> belongs to.</summary>
    public static string RobotsUrlFor(string siteUrl)
    {
        var resolved = UrlNormalizer.Resolve(siteUrl, "/robots.txt");
        return resolved.Url ?? throw new ArgumentException($"not a crawlable URL ({resolved.Refusal}): {siteUrl}", nameof(siteUrl));
    }

    /// <summary>The rules a robots.txt fetch result stands for.</summary>
    public static RobotsTxt FromFetch(FetchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            >= 200 and < 300 when result.Failure is null or FetchFailures.TooLarge => RobotsTxt.Parse(result.Body.Span),
            >= 300 and < 400 when result.Failure is FetchFailures.TooManyRedirects or FetchFailures.RedirectLoop => RobotsTxt.AllowAll,
            >= 400 and < 500 => RobotsTxt.AllowAll,
            _ => RobotsTxt.DisallowAll,
        };
    }

    /// <summary>Fetches and interprets the robots.txt of the site <paramref name="siteUrl"/> belongs to.</summary>
    public static async Task<RobotsTxt> FetchAsync(PageFetcher fetcher, string siteUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        var result = await fetcher.FetchAsync(RobotsUrlFor(siteUrl), checkHop: null, cancellationToken).ConfigureAwait(false);
        return FromFetch(result);
    }
}
