using System.Buffers;

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
        "sidebar", "advert", "sponsor", "popup", "disqus", "outbrain", "taboola", "subscri", "signup", "paywall",
        "recommend", "banner", "promo", "pagination", "navbar", "navigation", "footer", "copyright", "metadata",
        "postmeta", "byline", "authorbox", "author-box", "authorbio", "author-bio", "about-author",
        "image-source", "imagesource", "photo-credit", "image-credit", "contactbox", "donat",
    ];

    /// <summary>
    /// Last parts of a compound class name that mark a part of the content as its furniture even when the
    /// first part is a content word: "entry-meta", "post-tags", "article__date", "story-byline".
    /// </summary>
    private static readonly HashSet<string> FurnitureSuffixes = new(StringComparer.Ordinal)
    {
        "meta", "tags", "date", "dates", "byline", "author", "authors", "share", "sharing", "footer", "source", "sources",
        "credit", "credits", "categories", "category",
    };

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

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FurnitureSuffixLookup = FurnitureSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();

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

        // "class id", lower-cased, in a buffer of the call's own: nearly every element of a page has a class.
        var classLength = className?.Length ?? 0;
        var length = classLength + 1 + (id?.Length ?? 0);
        char[]? rented = null;
        var words = length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            words = words[..length];
            className.AsSpan().ToLowerInvariant(words);
            words[classLength] = ' ';
            id.AsSpan().ToLowerInvariant(words[(classLength + 1)..]);
            return Judge(words);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static ClassVerdict Judge(ReadOnlySpan<char> words)
    {
        var strong = ContainsAny(words, StrongBoilerplate) || HasFurnitureSuffix(words);
        var content = ContainsAny(words, ContentWords);
        var weak = false;
        if (!strong)
        {
            var start = -1;
            for (var i = 0; i <= words.Length; i++)
            {
                var letter = i < words.Length && char.IsAsciiLetterOrDigit(words[i]);
                if (letter && start < 0)
                {
                    start = i;
                }
                else if (!letter && start >= 0)
                {
                    if (WeakLookup.Contains(words[start..i]))
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

    /// <summary>A class token of two or more parts ("entry-meta", "c-sheet__tags") whose last part is furniture.</summary>
    private static bool HasFurnitureSuffix(ReadOnlySpan<char> words)
    {
        foreach (var range in words.Split(' '))
        {
            var token = words[range];
            var cut = token.LastIndexOfAny('-', '_');
            if (cut > 0 && cut < token.Length - 1 && token[..cut].Trim("-_").Length > 0
                && FurnitureSuffixLookup.Contains(token[(cut + 1)..]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(ReadOnlySpan<char> words, string[] needles)
    {
        foreach (var needle in needles)
        {
            if (words.Contains(needle.AsSpan(), StringComparison.Ordinal))
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
