namespace Corpus.Ingest.Web;

/// <summary>
/// Refuses URLs that look like crawler traps: too long (<c>url-too-long</c>), a run of path
/// segments repeating (<c>repeating-path</c>, e.g. <c>/a/b/a/b/a/b</c> from relative links on an
/// error page), one segment occurring too often (<c>segment-repeated</c>), too many query
/// parameters (<c>too-many-query-params</c>), or too many distinct queries on one path
/// (<c>query-explosion</c>, calendars and faceted search). The last check keeps a counter per
/// host and path, so <see cref="Check"/> records the URL it allows; thread-safe.
/// </summary>
public sealed class TrapGuard
{
    private readonly TrapGuardOptions _options;
    private readonly Dictionary<string, HashSet<string>> _queries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Creates a guard with the given limits (defaults when null).</summary>
    public TrapGuard(TrapGuardOptions? options = null) => _options = options ?? new TrapGuardOptions();

    /// <summary>Whether <paramref name="url"/> (normalized) is safe to crawl; an allowed URL with a query is counted against its path.</summary>
    public CrawlVerdict Check(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Length > _options.MaxUrlLength)
        {
            return CrawlVerdict.Refuse("url-too-long");
        }

        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var pathStart = url.IndexOf('/', schemeEnd < 0 ? 0 : schemeEnd + 3);
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        var path = pathStart < 0 ? "/" : queryStart >= 0 && queryStart > pathStart ? url[pathStart..queryStart] : url[pathStart..];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (HasRepeatingRun(segments, _options.MaxConsecutiveRepeats + 1))
        {
            return CrawlVerdict.Refuse("repeating-path");
        }

        if (segments.GroupBy(s => s, StringComparer.Ordinal).Any(g => g.Count() > _options.MaxSegmentOccurrences))
        {
            return CrawlVerdict.Refuse("segment-repeated");
        }

        if (queryStart < 0)
        {
            return CrawlVerdict.Allow;
        }

        var query = url[(queryStart + 1)..];
        if (query.Split('&', StringSplitOptions.RemoveEmptyEntries).Length > _options.MaxQueryParameters)
        {
            return CrawlVerdict.Refuse("too-many-query-params");
        }

        var key = url[..queryStart];
        lock (_lock)
        {
            if (!_queries.TryGetValue(key, out var seen))
            {
                seen = new HashSet<string>(StringComparer.Ordinal);
                _queries[key] = seen;
            }

            if (seen.Contains(query))
            {
                return CrawlVerdict.Allow;
            }

            if (seen.Count >= _options.MaxQueryVariantsPerPath)
            {
                return CrawlVerdict.Refuse("query-explosion");
            }

            seen.Add(query);
            return CrawlVerdict.Allow;
        }
    }

    /// <summary>True when some run of 1..n/times segments appears <paramref name="times"/> times in a row.</summary>
    internal static bool HasRepeatingRun(string[] segments, int times)
    {
        for (var period = 1; period * times <= segments.Length; period++)
        {
            var run = 0;
            for (var i = period; i < segments.Length; i++)
            {
                run = segments[i] == segments[i - period] ? run + 1 : 0;
                if (run >= period * (times - 1))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
