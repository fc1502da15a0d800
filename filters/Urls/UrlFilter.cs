using System.Text.RegularExpressions;
using Corpus.Filters.Quality;

namespace Corpus.Filters.Urls;

/// <summary>Rejects URLs on a blocked domain (or any subdomain of one) or carrying a banned word between separators.</summary>
internal sealed partial class UrlFilter
{
    private readonly HashSet<string> _domains;
    private readonly HashSet<string> _bannedWords;

    private UrlFilter(HashSet<string> domains, HashSet<string> bannedWords)
    {
        _domains = domains;
        _bannedWords = bannedWords;
    }

    public static UrlFilter Create(UrlFilterOptions options)
    {
        var domains = new HashSet<string>(options.BlockedDomains.Select(Clean), StringComparer.Ordinal);
        if (options.BlocklistPath is { } path)
        {
            foreach (var line in File.ReadLines(path))
            {
                var d = line.Trim();
                if (d.Length > 0 && !d.StartsWith('#'))
                {
                    domains.Add(Clean(d));
                }
            }
        }

        return new UrlFilter(domains, new HashSet<string>(options.BannedWords.Select(w => w.ToLowerInvariant()), StringComparer.Ordinal));
    }

    public void Check(string url, RuleCheck check)
    {
        var host = HostOf(url);
        var blocked = 0.0;
        for (var h = host; h.Length > 0; h = h.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? h[(dot + 1)..] : string.Empty)
        {
            if (_domains.Contains(h))
            {
                blocked = 1;
                break;
            }
        }

        check.Record("url_blocked_domain", blocked, 0, blocked > 0);
        var banned = Separators().Split(url.ToLowerInvariant()).Count(_bannedWords.Contains);
        check.Record("url_banned_word", banned, 0, banned > 0);
    }

    internal static string HostOf(string url)
    {
        var s = url.Trim();
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            s = s[(scheme + 3)..];
        }

        var end = s.IndexOfAny(['/', '?', '#']);
        if (end >= 0)
        {
            s = s[..end];
        }

        var at = s.LastIndexOf('@');
        if (at >= 0)
        {
            s = s[(at + 1)..];
        }

        var colon = s.LastIndexOf(':');
        if (colon >= 0 && !s.Contains(']', StringComparison.Ordinal))
        {
            s = s[..colon];
        }

        return Clean(s);
    }

    private static string Clean(string domain)
    {
        var d = domain.Trim().TrimEnd('.').ToLowerInvariant();
        return d.StartsWith("www.", StringComparison.Ordinal) ? d[4..] : d;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex Separators();
}
