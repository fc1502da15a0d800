using System.Text;

namespace Corpus.Ingest.Web;

/// <summary>
/// RFC 3986 percent-encoding normalization shared by URL normalization and robots.txt matching:
/// escapes upper-case, escaped unreserved characters decoded, characters that may not appear
/// literally (space, controls, non-ASCII as UTF-8, <c>"&lt;&gt;\^`{|}</c>) escaped, a lone
/// <c>%</c> escaped as <c>%25</c>.
/// </summary>
internal static class PercentEncoding
{
    private const string Hex = "0123456789ABCDEF";

    /// <summary>Normalizes <paramref name="text"/>; <paramref name="extraAllowed"/> are characters kept literally beyond unreserved, sub-delims, <c>:</c>, <c>@</c>, <c>/</c>.</summary>
    public static string Normalize(string text, string extraAllowed = "")
    {
        StringBuilder? sb = null;
        Span<byte> bytes = stackalloc byte[8];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                sb ??= new StringBuilder(text.Length + 8).Append(text, 0, i);
                var b = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                if (IsUnreserved((char)b))
                {
                    sb.Append((char)b);
                }
                else
                {
                    sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
                }

                i += 2;
            }
            else if (c < 0x80 && c != '%' && (IsUnreserved(c) || IsSubDelim(c) || c is ':' or '@' or '/' || extraAllowed.Contains(c, StringComparison.Ordinal)))
            {
                sb?.Append(c);
            }
            else
            {
                sb ??= new StringBuilder(text.Length + 8).Append(text, 0, i);
                var length = char.IsSurrogatePair(text, i) ? 2 : 1;
                var n = Encoding.UTF8.GetBytes(text.AsSpan(i, length), bytes);
                foreach (var b in bytes[..n])
                {
                    sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
                }

                i += length - 1;
            }
        }

        return sb?.ToString() ?? text;
    }

    public static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static bool IsSubDelim(char c) => c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
