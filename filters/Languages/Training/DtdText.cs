using System.Text.RegularExpressions;

namespace Corpus.Filters.Languages.Training;

/// <summary>The entity values of a Mozilla <c>.dtd</c> localization file (<c>&lt;!ENTITY name "value"&gt;</c>), in file order.</summary>
internal static partial class DtdText
{
    /// <summary>The values of the file's text; entity references in them (<c>&amp;brandShortName;</c>) are left for <see cref="CatalogText"/>.</summary>
    public static IEnumerable<string> Strings(string text)
    {
        foreach (Match m in Entity().Matches(text))
        {
            var value = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
            if (value.Trim().Length > 0)
            {
                yield return value;
            }
        }
    }

    [GeneratedRegex("""<!ENTITY\s+[\w.:-]+\s+(?:"([^"]*)"|'([^']*)')\s*>""")]
    private static partial Regex Entity();
}
