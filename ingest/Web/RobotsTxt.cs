using System.Globalization;
using System.Text;

namespace Corpus.Ingest.Web;

/// <summary>
/// A parsed robots.txt (RFC 9309): groups of rules by user agent, <c>Crawl-delay</c> and
/// <c>Sitemap</c> lines. Only the first 500 KiB are read; lines that are not
/// <c>key: value</c> with a known key are ignored; rules before any <c>User-agent</c> line belong
/// to no group. Pick the rules for a crawler with <see cref="RulesFor"/>.
/// </summary>
public sealed class RobotsTxt
{
    /// <summary>How much of a robots.txt is parsed (RFC 9309 section 2.5 asks for at least 500 KiB).</summary>
    public const int MaxParsedBytes = 500 * 1024;

    private readonly List<Group> _groups;

    private RobotsTxt(List<Group> groups, IReadOnlyList<string> sitemaps)
    {
        _groups = groups;
        Sitemaps = sitemaps;
    }

    /// <summary>Everything allowed (no robots.txt, or one answered with 4xx).</summary>
    public static RobotsTxt AllowAll { get; } = new([], []);

    /// <summary>Everything disallowed (robots.txt unreachable or answered with 5xx).</summary>
    public static RobotsTxt DisallowAll { get; } = new([new Group(["*"], [new RobotsRules.Rule("/", false)], null)], []);

    /// <summary>The <c>Sitemap:</c> URLs, in file order, as written.</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    /// <summary>Parses robots.txt bytes (UTF-8; a BOM is skipped).</summary>
    public static RobotsTxt Parse(ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxParsedBytes)
        {
            content = content[..MaxParsedBytes];
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        return Parse(Encoding.UTF8.GetString(content));
    }

    /// <summary>Parses robots.txt text.</summary>
    public static RobotsTxt Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxParsedBytes)
        {
            content = content[..MaxParsedBytes];
        }

        var groups = new List<Group>();
        var sitemaps = new List<string>();
        List<string>? agents = null;
        List<RobotsRules.Rule>? rules = null;
        double? delay = null;
        var inRules = false;

        void Close()
        {
            if (agents is { Count: > 0 })
            {
                groups.Add(new Group(agents, rules ?? [], delay));
            }

            agents = null;
            rules = null;
            delay = null;
            inRules = false;
        }

        foreach (var rawLine in content.Split(['\r', '\n']))
        {
            var hash = rawLine.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? rawLine[..hash] : rawLine).Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent" or "useragent" or "user agent":
                    if (inRules)
                    {
                        Close();
                    }

                    agents ??= [];
                    agents.Add(ProductToken(value));
                    break;
                case "allow" or "disallow" or "dissallow" or "disalow":
                    if (agents is null)
                    {
                        break;
                    }

                    inRules = true;
                    if (value.Length > 0)
                    {
                        rules ??= [];
                        rules.Add(new RobotsRules.Rule(RobotsRules.NormalizePattern(value), key == "allow"));
                    }

                    break;
                case "crawl-delay":
                    if (agents is null)
                    {
                        break;
                    }

                    inRules = true;
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && double.IsFinite(seconds))
                    {
                        delay = seconds;
                    }

                    break;
                case "sitemap" or "site-map":
                    if (value.Length > 0)
                    {
                        sitemaps.Add(value);
                    }

                    break;
            }
        }

        Close();
        return new RobotsTxt(groups, sitemaps);
    }

    /// <summary>
    /// The rules for a crawler: every group naming its product token (case-insensitive, merged),
    /// else every <c>*</c> group, else allow-all. <paramref name="userAgent"/> may be a full user
    /// agent string; its leading product token (<c>[A-Za-z_-]+</c>) is what is matched.
    /// </summary>
    public RobotsRules RulesFor(string userAgent)
    {
        ArgumentNullException.ThrowIfNull(userAgent);
        var token = ProductToken(userAgent);
        var matching = _groups.Where(g => g.Agents.Any(a => a != "*" && string.Equals(a, token, StringComparison.OrdinalIgnoreCase))).ToList();
        if (matching.Count == 0)
        {
            matching = _groups.Where(g => g.Agents.Contains("*")).ToList();
        }

        var rules = matching.SelectMany(g => g.Rules).ToList();
        var delay = matching.Select(g => g.CrawlDelay).FirstOrDefault(d => d is not null);
        return new RobotsRules(rules, delay is null ? null : TimeSpan.FromSeconds(Math.Min(delay.Value, TimeSpan.MaxValue.TotalSeconds / 2)));
    }

    private static string ProductToken(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith('*'))
        {
            return "*";
        }

        var end = 0;
        while (end < trimmed.Length && (char.IsAsciiLetter(trimmed[end]) || trimmed[end] is '_' or '-'))
        {
            end++;
        }

        return trimmed[..end];
    }

    private sealed record Group(List<string> Agents, List<RobotsRules.Rule> Rules, double? CrawlDelay);
}
