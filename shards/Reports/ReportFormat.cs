using System.Globalization;
using System.Text;

namespace Corpus.Shards.Reports;

/// <summary>
/// The one way the HTML and Markdown reports show numbers and text. Counts: invariant culture with
/// thousands separators (<c>1,855,561</c>). Shares: percent with two decimals (<c>12.34%</c>).
/// Missing values: an em dash. <c>data-value</c> attributes: the raw number, invariant
/// (<c>1855561</c>; shares as the round-trip double, <c>0.1234</c>).
/// </summary>
internal static class ReportFormat
{
    public const string Missing = "\u2014";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Count(long? value) => value is { } v ? Count(v) : Missing;

    public static string Share(double value) => (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    public static string Share(double? value) => value is { } v ? Share(v) : Missing;

    public static string Raw(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Raw(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>SVG coordinates: at most two decimals, invariant.</summary>
    public static string Px(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Escapes text for HTML content and attribute values (quoted with <c>"</c>).</summary>
    public static string Html(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>Escapes text for a GitHub-flavoured Markdown table cell.</summary>
    public static string Markdown(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '|' or '<' or '>' or '`' or '*' or '[' or ']':
                    builder.Append('\\').Append(c);
                    break;
                case '\r' or '\n':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
