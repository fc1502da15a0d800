using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// Reads the paragraphs of LibreOffice's HTML help as Debian's <c>libreoffice-help-*</c> packages ship
/// it (<c>usr/share/libreoffice/help/LOCALE/text/**/*.html</c>): the text of every paragraph and
/// heading of a page's content area, tags removed, entities decoded, whitespace collapsed. Files are
/// read in ordinal path order.
/// </summary>
internal static partial class HelpPages
{
    /// <summary>Where the help of each locale lies, relative to the package root.</summary>
    public const string HelpDir = "usr/share/libreoffice/help";

    /// <summary>Paragraphs shorter than this are left out (headings of one or two words, names).</summary>
    public const int MinParagraphLength = 20;

    /// <summary>The locale folders under <paramref name="root"/>'s help folder (e.g. <c>sv</c>, <c>pt-BR</c>, <c>en-US</c>), in ordinal order.</summary>
    public static IReadOnlyList<string> Locales(string root)
    {
        var dir = Path.Combine(root, HelpDir);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var locales = Directory.GetDirectories(dir).Where(d => Directory.Exists(Path.Combine(d, "text"))).Select(Path.GetFileName).OfType<string>().ToArray();
        Array.Sort(locales, StringComparer.Ordinal);
        return locales;
    }

    /// <summary>Every paragraph of a locale's help pages, in file order (duplicates kept).</summary>
    public static IEnumerable<string> Read(string root, string locale)
    {
        var dir = Path.Combine(root, HelpDir, locale, "text");
        if (!Directory.Exists(dir))
        {
            yield break;
        }

        var files = Directory.GetFiles(dir, "*.html", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var p in Paragraphs(File.ReadAllText(file, Encoding.UTF8)))
            {
                yield return p;
            }
        }
    }

    /// <summary>The paragraphs (<c>p</c> and <c>h1</c>-<c>h6</c> elements) of one page's content area.</summary>
    public static IEnumerable<string> Paragraphs(string html)
    {
        var start = html.IndexOf("id=\"DisplayArea\"", StringComparison.Ordinal);
        var body = start >= 0 ? html[start..] : html;
        foreach (Match m in Block().Matches(body))
        {
            var collapsed = MarkupText.Plain(m.Groups["text"].Value);
            if (collapsed.Length >= MinParagraphLength)
            {
                yield return collapsed;
            }
        }
    }

    [GeneratedRegex(@"<(?<tag>p|h[1-6])\b[^>]*>(?<text>.*?)</\k<tag>>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Block();
}
