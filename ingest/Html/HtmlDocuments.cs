using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Corpus.Ingest.Html;

/// <summary>
/// The one way this component parses HTML: scripting off, no source references, and the page first
/// through <see cref="NestingLimit"/>, so the parser's work stays linear in the page's size however
/// deep its elements nest. AngleSharp's own tree limit (<see cref="HtmlParserOptions.MaximumDepth"/>)
/// is set to the same depth, so no tree walk meets more than that many levels.
/// </summary>
internal static class HtmlDocuments
{
    [ThreadStatic]
    private static HtmlParser? t_parser;

    public static IHtmlDocument Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = t_parser ??= new HtmlParser(new HtmlParserOptions
        {
            IsScripting = false,
            IsKeepingSourceReferences = false,
            MaximumDepth = NestingLimit.MaxDepth,
        });
        return parser.ParseDocument(NestingLimit.Apply(html));
    }
}
