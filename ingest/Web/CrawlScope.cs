using System.Text.RegularExpressions;

namespace Corpus.Ingest.Web;

/// <summary>
/// Decides whether a normalized URL found at some depth belongs to the crawl: host allowed,
/// depth within the limit, include and exclude patterns; and counts admitted pages against the
/// page budget. Refusal reasons: <c>host-not-allowed</c>, <c>too-deep</c>, <c>excluded</c>,
/// <c>not-included</c>, <c>max-pages</c>, <c>bad-url</c>.
/// </summary>
public sealed class CrawlScope
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private readonly CrawlScopeOptions _options;
    private readonly HashSet<string> _exactHosts;
    private readonly List<string> _suffixes;
    private readonly List<Regex> _include;
    private readonly List<Regex> _exclude;
    private long _admitted;

    /// <summary>Builds a scope; throws <see cref="ArgumentException"/> for an invalid pattern.</summary>
    public CrawlScope(CrawlScopeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _exactHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        _suffixes = [];
        foreach (var host in options.AllowedHosts)
        {
            var h = host.Trim().TrimEnd('.').ToLowerInvariant();
            if (h.StartsWith("*.", StringComparison.Ordinal))
            {
                _suffixes.Add(h[1..]);
                _exactHosts.Add(h[2..]);
            }
            else
            {
                _exactHosts.Add(h);
            }
        }

        _include = options.Include.Select(Compile).ToList();
        _exclude = options.Exclude.Select(Compile).ToList();
    }

    /// <summary>Pages admitted so far.</summary>
    public long PagesAdmitted => Interlocked.Read(ref _admitted);

    /// <summary>Whether <paramref name="url"/> (normalized) found at <paramref name="depth"/> is in scope; does not count it.</summary>
    public CrawlVerdict Check(string url, int depth)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return CrawlVerdict.Refuse("bad-url");
        }

        if (!HostAllowed(uri.IdnHost))
        {
            return CrawlVerdict.Refuse("host-not-allowed");
        }

        if (depth > _options.MaxDepth)
        {
            return CrawlVerdict.Refuse("too-deep");
        }

        if (_exclude.Exists(r => r.IsMatch(url)))
        {
            return CrawlVerdict.Refuse("excluded");
        }

        if (_include.Count > 0 && !_include.Exists(r => r.IsMatch(url)))
        {
            return CrawlVerdict.Refuse("not-included");
        }

        return CrawlVerdict.Allow;
    }

    /// <summary>Takes one page from the budget: true while pages remain, false (and nothing taken) once <see cref="CrawlScopeOptions.MaxPages"/> is reached.</summary>
    public bool TryAdmitPage()
    {
        while (true)
        {
            var current = Interlocked.Read(ref _admitted);
            if (current >= _options.MaxPages)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _admitted, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary><see cref="Check"/>, then a page from the budget (<c>max-pages</c> when spent).</summary>
    public CrawlVerdict Admit(string url, int depth)
    {
        var verdict = Check(url, depth);
        return !verdict.Allowed ? verdict : TryAdmitPage() ? verdict : CrawlVerdict.Refuse("max-pages");
    }

    private bool HostAllowed(string host)
    {
        if (_exactHosts.Count == 0 && _suffixes.Count == 0)
        {
            return true;
        }

        host = host.ToLowerInvariant();
        return _exactHosts.Contains(host) || _suffixes.Exists(s => host.EndsWith(s, StringComparison.Ordinal));
    }

    private static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexTimeout);
}
