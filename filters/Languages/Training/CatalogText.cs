using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// Turns translation strings into plain running text: placeholders (<c>%s</c>, <c>%1$d</c>,
/// <c>%PRODUCTNAME</c>, <c>$(ARG1)</c>, <c>{0}</c>), markup, entities, access-key markers
/// (<c>~</c>, <c>_</c>, <c>&amp;</c>) and control characters are removed; whitespace is collapsed.
/// </summary>
internal static partial class CatalogText
{
    /// <summary>The cleaned string, or null when fewer than two letters are left.</summary>
    public static string? Clean(string text)
    {
        var s = Markup().Replace(text, " ");
        s = Placeholder().Replace(s, " ");
        s = AccessKey().Replace(s, string.Empty);
        var sb = new StringBuilder(s.Length);
        var space = true;
        var letters = 0;
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                if (!space)
                {
                    sb.Append(' ');
                    space = true;
                }

                continue;
            }

            if (char.IsLetter(ch))
            {
                letters++;
            }

            sb.Append(ch);
            space = false;
        }

        var result = sb.ToString().Trim();
        return letters >= 2 ? result : null;
    }

    [GeneratedRegex(@"<[^<>]{0,200}>|&[a-zA-Z]+;|&#[0-9]+;|\\[ntr]|\x1B\[[0-9;]*[a-zA-Z]")]
    private static partial Regex Markup();

    [GeneratedRegex(@"%[0-9]+\$[-+#0-9.lh]*[a-zA-Z]|%[0-9]+|%[-+#0-9.lh]*[sdifuxXcpeEgG]|%[A-Z][A-Z0-9_]+%?|\$\([^)]{0,40}\)|\$[A-Z][A-Z0-9_]*\$?|\{[^{}]{0,40}\}|\[[A-Z][A-Z0-9_]*\]|https?://\S+")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[~&](?=\w)|(?<=^|\s|\p{L})_(?=\w)")]
    private static partial Regex AccessKey();
}
