using System.Globalization;
using System.Text;

namespace Corpus.Ingest.Warc;

/// <summary>The bytes of one WARC/1.1 record: version line, headers, blank line, block, CR LF CR LF.</summary>
internal static class WarcRecordFormat
{
    public static byte[] Serialize(IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> block)
    {
        var head = new StringBuilder("WARC/1.1\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(block.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        var headBytes = Encoding.UTF8.GetBytes(head.ToString());
        var bytes = new byte[headBytes.Length + block.Length + 4];
        headBytes.CopyTo(bytes, 0);
        block.CopyTo(bytes.AsSpan(headBytes.Length));
        "\r\n\r\n"u8.CopyTo(bytes.AsSpan(headBytes.Length + block.Length));
        return bytes;
    }

    /// <summary>UTC ISO 8601: whole seconds when there is no fraction, else microseconds (WARC/1.1 allows both).</summary>
    public static string Date(DateTimeOffset date)
    {
        var utc = date.UtcDateTime;
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Where the HTTP body starts in a raw HTTP message (after the blank line); the message length when there is none.</summary>
    public static int HttpBodyStart(ReadOnlySpan<byte> message)
    {
        var crlf = message.IndexOf("\r\n\r\n"u8);
        var lf = message.IndexOf("\n\n"u8);
        if (crlf >= 0 && (lf < 0 || crlf + 1 <= lf))
        {
            return crlf + 4;
        }

        return lf >= 0 ? lf + 2 : message.Length;
    }
}
