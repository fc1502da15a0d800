using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// The values of a Java-style <c>.properties</c> file as Mozilla ships them (UTF-8): <c>key = value</c> lines,
/// <c>#</c> and <c>!</c> comments, a trailing backslash continuing the value on the next line, escapes
/// (<c>\n</c>, <c>\t</c>, <c>\uXXXX</c>) decoded. Mozilla's placeholders (<c>%S</c>, <c>%1$S</c>, <c>%brand%</c>,
/// <c>#1</c>) become spaces; the plural forms of one value (<c>;</c>-separated) stay one string.
/// </summary>
internal static partial class PropertiesText
{
    /// <summary>The values of the file's text, in file order.</summary>
    public static IEnumerable<string> Strings(string text)
    {
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r').TrimStart();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }

            var separator = line.IndexOfAny(['=', ':']);
            if (separator <= 0)
            {
                continue;
            }

            var value = new StringBuilder(line[(separator + 1)..].TrimStart());
            while (EndsWithContinuation(value) && n + 1 < lines.Length)
            {
                value.Length--;
                value.Append(lines[++n].TrimEnd('\r').TrimStart());
            }

            var decoded = Placeholder().Replace(Unescape(value.ToString()), " ").Trim();
            if (decoded.Length > 0)
            {
                yield return decoded;
            }
        }
    }

    // An odd number of trailing backslashes: the last one continues the line.
    private static bool EndsWithContinuation(StringBuilder value)
    {
        var count = 0;
        for (var i = value.Length - 1; i >= 0 && value[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 1;
    }

    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length)
            {
                sb.Append(value[i]);
                continue;
            }

            var next = value[++i];
            if (next == 'u' && i + 4 < value.Length
                && int.TryParse(value.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 4;
                continue;
            }

            sb.Append(next switch
            {
                'n' or 't' or 'r' or 'f' => ' ',
                _ => next,
            });
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"%(?:[0-9]+\$)?[SsDd]|%[a-zA-Z_]+%|#[0-9]")]
    private static partial Regex Placeholder();
}
