using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.Ingest.Web;

/// <summary>
/// Picks the character encoding of a fetched page, in the HTML standard's order: a byte order
/// mark, then the <c>Content-Type</c> header's <c>charset</c>, then a <c>&lt;meta charset&gt;</c>
/// or <c>&lt;meta http-equiv=content-type&gt;</c> in the first 1024 bytes, else UTF-8. Labels are
/// read the WHATWG way (<c>iso-8859-1</c> and <c>us-ascii</c> mean windows-1252, <c>gb2312</c>
/// means GBK); code pages beyond the runtime's built-ins (windows-125x, ISO-8859-x, Shift_JIS,
/// EUC-JP, GBK, GB18030, Big5, EUC-KR, KOI8-R, …) come from <see cref="CodePagesEncodingProvider"/>.
/// Decoding replaces invalid bytes with U+FFFD.
/// </summary>
public static partial class CharsetDetector
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["utf8"] = "utf-8",
        ["unicode-1-1-utf-8"] = "utf-8",
        ["iso-8859-1"] = "windows-1252",
        ["iso8859-1"] = "windows-1252",
        ["latin1"] = "windows-1252",
        ["l1"] = "windows-1252",
        ["us-ascii"] = "windows-1252",
        ["ascii"] = "windows-1252",
        ["cp1252"] = "windows-1252",
        ["iso-8859-9"] = "windows-1254",
        ["iso-8859-11"] = "windows-874",
        ["tis-620"] = "windows-874",
        ["gb2312"] = "gbk",
        ["x-gbk"] = "gbk",
        ["euc-cn"] = "gbk",
        ["x-sjis"] = "shift_jis",
        ["sjis"] = "shift_jis",
        ["ms_kanji"] = "shift_jis",
        ["windows-31j"] = "shift_jis",
        ["ks_c_5601-1987"] = "euc-kr",
        ["big5-hkscs"] = "big5",
        ["x-euc-jp"] = "euc-jp",
        ["utf-16"] = "utf-16le",
    };

    /// <summary>The encoding of <paramref name="body"/> given its <c>Content-Type</c> header (may be null).</summary>
    public static Encoding Detect(ReadOnlySpan<byte> body, string? contentType) => DetectCore(body, contentType, out _);

    /// <summary>Decodes <paramref name="body"/> to text with the detected encoding (a BOM is not part of the text).</summary>
    public static string Decode(ReadOnlySpan<byte> body, string? contentType)
    {
        var encoding = DetectCore(body, contentType, out var bomLength);
        return encoding.GetString(body[bomLength..]);
    }

    /// <summary>The encoding a label names (WHATWG aliases first), or null when unknown.</summary>
    public static Encoding? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        label = label.Trim().Trim('"', '\'').Trim();
        if (Aliases.TryGetValue(label, out var alias))
        {
            label = alias;
        }

        if (label.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(label) ?? Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            // UTF-7, which the runtime names but refuses (and the WHATWG list does not have).
            return null;
        }
    }

    private static Encoding DetectCore(ReadOnlySpan<byte> body, string? contentType, out int bomLength)
    {
        bomLength = 0;
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bomLength = 3;
            return FromLabel("utf-8")!;
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            bomLength = 2;
            return Encoding.BigEndianUnicode;
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            bomLength = 2;
            return Encoding.Unicode;
        }

        var fromHeader = FromLabel(CharsetOf(contentType));
        if (fromHeader is not null)
        {
            return fromHeader;
        }

        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 1024)]);
        foreach (Match meta in MetaTag().Matches(head))
        {
            var charset = MetaCharset().Match(meta.Value);
            if (charset.Success)
            {
                var encoding = FromLabel(charset.Groups[1].Value);
                if (encoding is not null)
                {
                    // A page that says UTF-16 in ASCII-compatible bytes is not UTF-16 (HTML standard).
                    return encoding is UnicodeEncoding ? FromLabel("utf-8")! : encoding;
                }
            }
        }

        return FromLabel("utf-8")!;
    }

    private static string? CharsetOf(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        var match = MetaCharset().Match(contentType);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("<meta\\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaTag();

    [GeneratedRegex("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.+\\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
