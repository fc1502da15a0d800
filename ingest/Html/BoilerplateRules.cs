namespace Corpus.Ingest.Html;

/// <summary>
/// What marks an element as boilerplate or as content: tag names, ARIA roles, and words in its
/// <c>class</c> and <c>id</c> (the readability and trafilatura ideas, as our own lists).
/// </summary>
internal static class BoilerplateRules
{
    /// <summary>Elements never part of the main text, whatever their content.</summary>
    private static readonly HashSet<string> DroppedTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "nav",
        "aside", "footer", "button", "select", "input", "textarea", "label", "dialog", "menu", "video", "audio",
        "map", "head", "img", "picture", "source", "meta", "link", "figcaption",
    };

    private static readonly HashSet<string> DroppedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
        "menubar", "toolbar",
    };

    /// <summary>Class/id words that mark boilerplate even beside a content word ("post-share", "article-related").</summary>
    private static readonly string[] StrongBoilerplate =
    [
        "comment", "share", "sharing", "social", "cookie", "consent", "gdpr", "related", "newsletter", "breadcrumb",
        "sidebar", "advert", "sponsor", "popup", "disqus", "outbrain", "taboola", "subscribe", "signup", "paywall",
        "recommend", "banner", "promo", "pagination", "navbar", "navigation", "footer", "copyright",
    ];

    /// <summary>Whole class/id tokens that mark boilerplate unless a content word is present too.</summary>
    private static readonly HashSet<string> WeakBoilerplateTokens = new(StringComparer.Ordinal)
    {
        "ad", "ads", "adv", "adbox", "menu", "nav", "header", "masthead", "topbar", "toolbar", "tags", "tagcloud",
        "pager", "print", "rss", "login", "modal", "overlay", "skip", "hidden", "hide", "meta", "byline", "author",
        "share", "teaser", "more", "links", "extra", "shoutbox", "skyscraper", "sr", "screen", "visually",
        "jump", "toc", "aside", "tools", "utility", "follow", "rating", "votes", "caption", "credit", "date",
    };

    private static readonly string[] ContentWords =
    [
        "article", "content", "entry", "post", "story", "body", "main", "text", "blog", "hentry",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WeakLookup = WeakBoilerplateTokens.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsDroppedTag(string localName) => DroppedTags.Contains(localName);

    public static bool IsDroppedRole(string? role) => role is not null && DroppedRoles.Contains(role.Trim());

    /// <summary>How the element's class and id read: boilerplate, content, both, or neither.</summary>
    public static ClassVerdict Judge(string? className, string? id)
    {
        if (string.IsNullOrEmpty(className) && string.IsNullOrEmpty(id))
        {
            return ClassVerdict.None;
        }

        var words = string.Concat(className, " ", id).ToLowerInvariant();
        var strong = ContainsAny(words, StrongBoilerplate);
        var content = ContainsAny(words, ContentWords);
        var weak = false;
        if (!strong)
        {
            var span = words.AsSpan();
            var start = -1;
            for (var i = 0; i <= span.Length; i++)
            {
                var letter = i < span.Length && char.IsAsciiLetterOrDigit(span[i]);
                if (letter && start < 0)
                {
                    start = i;
                }
                else if (!letter && start >= 0)
                {
                    if (WeakLookup.Contains(span[start..i]))
                    {
                        weak = true;
                        break;
                    }

                    start = -1;
                }
            }
        }

        return new ClassVerdict(strong, weak, content);
    }

    private static bool ContainsAny(string words, string[] needles)
    {
        foreach (var needle in needles)
        {
            if (words.Contains(needle, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>What an element's class and id say about it.</summary>
internal readonly record struct ClassVerdict(bool StrongBoilerplate, bool WeakBoilerplate, bool Content)
{
    public static ClassVerdict None => default;

    /// <summary>Boilerplate by its name: a strong word, or a weak word with no content word beside it.</summary>
    public bool IsBoilerplate => StrongBoilerplate || (WeakBoilerplate && !Content);

    /// <summary>The readability-style class weight: +25 for content words, -25 for boilerplate words.</summary>
    public int Weight => (Content ? 25 : 0) - (StrongBoilerplate || WeakBoilerplate ? 25 : 0);
}
