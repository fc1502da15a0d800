using System.Text.RegularExpressions;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// Turns a MediaWiki interface message (wikitext) into the words a reader sees: <c>{{PLURAL:$1|edit|edits}}</c>
/// and <c>{{GENDER:..}}</c> become their first form, <c>{{GRAMMAR:case|word}}</c> its word,
/// <c>{{lc:..}}</c>/<c>{{ucfirst:..}}</c> their argument; other templates and magic words
/// (<c>{{SITENAME}}</c>, <c>{{int:..}}</c>, <c>{{#if:..}}</c>) go; <c>[[target|label]]</c> and
/// <c>[url label]</c> become their label (an image's <c>[[File:x|thumb|center|caption]]</c> its
/// caption), a bare <c>[[target]]</c> (a page name) goes, and so do escaped characters (<c>&amp;#x7B;</c>); bold and
/// italic quotes, <c>$1</c> parameters, behaviour switches (<c>__NOTOC__</c>), comments and list
/// markers go. Tags and entities are left to <see cref="CatalogText.Clean"/>.
/// </summary>
internal static partial class MediaWikiText
{
    /// <summary>The message as plain words (not yet collapsed or cleaned of tags).</summary>
    public static string Plain(string wikitext)
    {
        var s = Comment().Replace(wikitext, " ");
        s = HexEntity().Replace(s, " ");
        for (var depth = 0; depth < 8; depth++)
        {
            var next = InnerTemplate().Replace(s, m => Template(m.Groups[1].Value));
            if (next == s)
            {
                break;
            }

            s = next;
        }

        s = PipedLink().Replace(s, "$1");
        s = BareLink().Replace(s, " ");
        s = ExternalLink().Replace(s, " $1 ");
        s = Quotes().Replace(s, string.Empty);
        s = Parameter().Replace(s, " ");
        s = Switch().Replace(s, " ");
        return ListMarker().Replace(s, " ");
    }

    private static string Template(string body)
    {
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? body.Trim() : body[..colon].Trim();
        var args = colon < 0 ? [] : body[(colon + 1)..].Split('|');
        switch (name.ToUpperInvariant())
        {
            case "PLURAL" or "GENDER":
                return args.Length > 1 ? FirstForm(args) : " ";
            case "GRAMMAR":
                return args.Length > 1 ? args[^1] : " ";
            case "LC" or "UC" or "LCFIRST" or "UCFIRST":
                return args.Length > 0 ? args[0] : " ";
            default:
                return " ";
        }
    }

    private static string FirstForm(string[] args)
    {
        // args[0] is the number or user; explicit forms ("12=dozen") come after the plain ones
        foreach (var form in args.AsSpan(1))
        {
            if (!ExplicitForm().IsMatch(form))
            {
                return form;
            }
        }

        return " ";
    }

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"&#x[0-9a-fA-F]+;")]
    private static partial Regex HexEntity();

    [GeneratedRegex(@"\{\{([^{}]*)\}\}")]
    private static partial Regex InnerTemplate();

    [GeneratedRegex(@"\[\[[^\[\]]*\|([^\[\]|]*)\]\]")]
    private static partial Regex PipedLink();

    [GeneratedRegex(@"\[\[[^\[\]]*\]\]")]
    private static partial Regex BareLink();

    [GeneratedRegex(@"\[(?:https?:)?(?://|\$\d)[^\s\]]*\s*([^\]]*)\]")]
    private static partial Regex ExternalLink();

    [GeneratedRegex(@"'{2,}")]
    private static partial Regex Quotes();

    [GeneratedRegex(@"\$\d+")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"__[A-Z]+__")]
    private static partial Regex Switch();

    [GeneratedRegex(@"(?m)^[ \t]*[*#:;]+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^\s*\d+\s*=")]
    private static partial Regex ExplicitForm();
}
