using System.Net;
using System.Text.RegularExpressions;

namespace Corpus.Filters.Languages.Training;

/// <summary>The text a reader sees of an HTML or XML fragment: tags removed, entities decoded, whitespace collapsed.</summary>
internal static partial class MarkupText
{
    /// <summary>The fragment's plain text (an entity HTML does not know stays as written).</summary>
    public static string Plain(string fragment)
    {
        var text = WebUtility.HtmlDecode(Tag().Replace(fragment, " "));
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
