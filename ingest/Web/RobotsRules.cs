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

    /// <summary>
    /// Matches <paramref name="pattern"/> (with <c>*</c> and a final <c>$</c>) against the start of <paramref name="path"/>.
    /// The literal pieces between the stars are found in order, each at its leftmost place after the one before (which
    /// leaves the most room for the rest, so it finds a match whenever there is one); with <c>$</c>, the last piece must
    /// end the path. Each piece's search starts where the previous one ended, without allocating.
    /// </summary>
    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var rest = anchored ? pattern.AsSpan(0, pattern.Length - 1) : pattern.AsSpan();
        var text = path.AsSpan();
        var star = rest.IndexOf('*');
        if (star < 0)
        {
            return anchored ? text.SequenceEqual(rest) : text.StartsWith(rest);
        }

        if (!text.StartsWith(rest[..star]))
        {
            return false;
        }

        var at = star;
        rest = rest[(star + 1)..];
        while ((star = rest.IndexOf('*')) >= 0)
        {
            var piece = rest[..star];
            var found = text[at..].IndexOf(piece);
            if (found < 0)
            {
                return false;
            }

            at += found + piece.Length;
            rest = rest[(star + 1)..];
        }

        // The last piece: anywhere after the others, or with '$' at the very end.
        return anchored ? text.Length - rest.Length >= at && text.EndsWith(rest) : text[at..].IndexOf(rest) >= 0;
    }

    internal sealed record Rule(string Pattern, bool Allow);
}
