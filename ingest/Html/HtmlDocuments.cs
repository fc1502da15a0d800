using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Corpus.Ingest.Html;

/// <summary>
/// The one way this component parses HTML: scripting off, no source references, and the page first
/// through <see cref="NestingLimit"/>, so the parser's work stays linear in the page's size however
/// deep its elements nest. AngleSharp's own tree limit (<see cref="HtmlParserOptions.MaximumDepth"/>,
/// <see cref="ParserMaxDepth"/>) catches what the pre-pass under-counts: past it the parser attaches
/// elements as siblings of the deepest one, so no tree walk meets more levels than that.
/// </summary>
internal static class HtmlDocuments
{
    /// <summary>The parser's tree limit in levels, the root element counting as one (AngleSharp's default).</summary>
    public const int ParserMaxDepth = 512;

    [ThreadStatic]
    private static HtmlParser? t_parser;

    public static IHtmlDocument Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = t_parser ??= new HtmlParser(new HtmlParserOptions
        {
            IsScripting = false,
            IsKeepingSourceReferences = false,
            MaximumDepth = ParserMaxDepth,
        });
        return parser.ParseDocument(NestingLimit.Apply(html));
    }
}
