using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// Reads the translated user manuals of GNOME and MATE applications as their Debian packages ship them
/// (<c>usr/share/help/LOCALE/APP/</c>: Mallard <c>.page</c> and DocBook <c>.xml</c>/<c>.docbook</c> files): the
/// sentences of every paragraph, title, description and list term, with the text of code, commands, file
/// names, keys, e-mail addresses and names removed, tags removed, entities decoded, whitespace collapsed.
/// Running prose in some 140 locales (instructions, second person). The originals are the <c>C</c> locale's;
/// translators' tools leave paragraphs not yet translated in English, so a caller drops sentences that
/// are also English ones. The licence texts (<c>fdl</c>, <c>gpl</c>, <c>lgpl</c>, <c>legal.xml</c>) are not
/// read. Files are read in ordinal path order.
/// </summary>
internal static partial class GnomeHelp
{
    /// <summary>The locale folder of the original (English) manuals.</summary>
    public const string EnglishLocale = "C";

    /// <summary>Where the manuals lie, relative to the package root.</summary>
    public const string HelpDir = "usr/share/help";

    /// <summary>Sentences shorter than this are left out (labels, names, numbers).</summary>
    public const int MinSentenceLength = 20;

    private static readonly HashSet<string> Licences = new(["fdl", "gpl", "lgpl"], StringComparer.Ordinal);

    /// <summary>The translated locales' folders (e.g. <c>hr</c>, <c>sr@latin</c>, <c>zh_TW</c>), in ordinal order; not <see cref="EnglishLocale"/>.</summary>
    public static IReadOnlyList<string> Locales(string root)
    {
        var dir = Path.Combine(root, HelpDir);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var locales = Directory.GetDirectories(dir).Select(Path.GetFileName).OfType<string>().Where(l => l != EnglishLocale).ToArray();
        Array.Sort(locales, StringComparer.Ordinal);
        return locales;
    }

    /// <summary>Every sentence of a locale's manuals, in file order (duplicates kept).</summary>
    public static IEnumerable<string> Read(string root, string locale)
    {
        var dir = Path.Combine(root, HelpDir, locale);
        if (!Directory.Exists(dir))
        {
            yield break;
        }

        var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".page" or ".xml" or ".docbook" && Path.GetFileName(f) != "legal.xml"
                && !Licences.Contains(Path.GetFileName(Path.GetDirectoryName(f)!)))
            .ToArray();
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var s in Sentences(File.ReadAllText(file, Encoding.UTF8)))
            {
                yield return s;
            }
        }
    }

    /// <summary>The sentences of one manual page's text blocks.</summary>
    public static IEnumerable<string> Sentences(string xml)
    {
        var text = Comment().Replace(xml, " ");
        text = NotProse().Replace(text, " ");
        foreach (Match m in Block().Matches(text))
        {
            foreach (var sentence in SentenceEnd().Split(MarkupText.Plain(m.Groups["text"].Value)))
            {
                var s = sentence.Trim();
                if (s.Length >= MinSentenceLength)
                {
                    yield return s;
                }
            }
        }
    }

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    // Elements whose content is not prose of the page's language: code, commands, paths, keys, addresses, names, dates.
    [GeneratedRegex(@"<(?<tag>code|cmd|sys|file|input|output|screen|var|key|keyseq|email|name|years|credit|command|filename|userinput|computeroutput|literal|envar|option|replaceable|programlisting|address|year|holder|date|revnumber|firstname|surname|othername|orgname|keycap|keycombo)\b[^>]*>.*?</\k<tag>>",
        RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex NotProse();

    [GeneratedRegex(@"<(?<tag>p|para|simpara|title|desc|term)\b[^>]*>(?<text>.*?)</\k<tag>>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Block();

    // After a full stop, question or exclamation mark followed by a space, or after a CJK one.
    [GeneratedRegex(@"(?<=[.!?…])\s+|(?<=[。！？])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();
}
