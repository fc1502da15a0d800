using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.Ingest.Warc;

/// <summary>
/// Decodes an HTTP body to text. The encoding is, first found: a byte order mark (it wins over the
/// header, as in the HTML standard), the HTTP <c>charset</c> parameter, for HTML a
/// <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> declaration in the first 4 KiB, else UTF-8;
/// invalid bytes become U+FFFD.
/// </summary>
internal static partial class WarcCharset
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public static string Decode(ReadOnlySpan<byte> body, string? contentTypeHeader, bool html)
    {
        _ = Registered.Value;
        if (body.StartsWith(Encoding.UTF8.Preamble))
        {
            return Utf8(body[3..]);
        }

        if (body.StartsWith(Encoding.Unicode.Preamble) || body.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            return (body[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(body[2..]);
        }

        var name = CharsetParameter(contentTypeHeader);
        if (name is null && html)
        {
            var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 4096)]);
            var match = MetaCharset().Match(head);
            name = match.Success ? match.Groups[1].Value : null;
        }

        var encoding = Lookup(name);
        return encoding is null || encoding.CodePage == Encoding.UTF8.CodePage ? Utf8(body) : encoding.GetString(body);
    }

    /// <summary>The media type of a Content-Type value, lower case, without parameters.</summary>
    public static string MediaType(string contentType)
    {
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().ToLowerInvariant();
    }

    private static string? CharsetParameter(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        var match = CharsetParam().Match(contentType);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Encoding? Lookup(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            // UTF-7, which the runtime names but refuses: decoded as UTF-8 like any unknown label.
            return null;
        }
    }

    private static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    [GeneratedRegex("""charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetParam();

    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
