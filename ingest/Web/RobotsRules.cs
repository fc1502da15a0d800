namespace Corpus.Ingest.Web;

/// <summary>
/// The robots.txt rules that apply to one crawler. A path is allowed unless the longest matching
/// rule is a <c>Disallow</c>; on equal length <c>Allow</c> wins (RFC 9309 section 2.2.2). Patterns
/// know <c>*</c> (any run of characters) and a trailing <c>$</c> (end of URL); pattern and path are
/// compared after the same percent-encoding normalization, so <c>%7E</c> and <c>~</c> match.
/// <c>/robots.txt</c> itself is always allowed.
/// </summary>
public sealed class RobotsRules
{
    private readonly IReadOnlyList<Rule> _rules;

    internal RobotsRules(IReadOnlyList<Rule> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>The group's <c>Crawl-delay</c>, if it has one (not part of RFC 9309, but widely used).</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>Whether the crawler may fetch <paramref name="url"/> (an absolute URL, or a path with optional query).</summary>
    public bool IsAllowed(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = PathAndQuery(url);
        if (path == "/robots.txt")
        {
            return true;
        }

        var bestLength = -1;
        var allowed = true;
        foreach (var rule in _rules)
        {
            if (!Matches(rule.Pattern, path))
            {
                continue;
            }

            if (rule.Pattern.Length > bestLength)
            {
                bestLength = rule.Pattern.Length;
                allowed = rule.Allow;
            }
            else if (rule.Pattern.Length == bestLength && rule.Allow)
            {
                allowed = true;
            }
        }

        return allowed;
    }

    internal static string NormalizePattern(string pattern) => PercentEncoding.Normalize(pattern, "?");

    private static string PathAndQuery(string url)
    {
        var start = 0;
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0 && !url.AsSpan(0, scheme).Contains('/'))
        {
            var slash = url.IndexOfAny(['/', '?'], scheme + 3);
            if (slash < 0)
            {
                return "/";
            }

            start = slash;
        }

        var hash = url.IndexOf('#', start);
        var path = hash >= 0 ? url[start..hash] : url[start..];
        if (path.Length == 0 || path[0] != '/')
        {
            path = "/" + path;
        }

        // A literal '*' or '$' in the URL is data, not pattern syntax: compare it in its escaped form.
        return PercentEncoding.Normalize(path, "?").Replace("*", "%2A", StringComparison.Ordinal).Replace("$", "%24", StringComparison.Ordinal);
    }

    /// <summary>Matches <paramref name="pattern"/> (with <c>*</c> and a final <c>$</c>) against the start of <paramref name="path"/>.</summary>
    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var p = anchored ? pattern[..^1] : pattern;

        // Positions in path that the pattern prefix read so far can end at.
        var positions = new List<int> { 0 };
        var next = new List<int>();
        foreach (var c in p)
        {
            next.Clear();
            if (c == '*')
            {
                var from = positions[0];
                for (var i = from; i <= path.Length; i++)
                {
                    next.Add(i);
                }
            }
            else
            {
                foreach (var pos in positions)
                {
                    if (pos < path.Length && path[pos] == c)
                    {
                        next.Add(pos + 1);
                    }
                }
            }

            if (next.Count == 0)
            {
                return false;
            }

            (positions, next) = (next, positions);
        }

        return !anchored || positions.Contains(path.Length);
    }

    internal sealed record Rule(string Pattern, bool Allow);
}
