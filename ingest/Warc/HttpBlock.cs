using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Corpus.Ingest.Warc;

/// <summary>
/// The HTTP message in an <c>application/http</c> record block: status line, headers, and the body
/// as stored. <see cref="DecodeBody"/> removes chunked transfer-encoding and gzip/deflate/br
/// content-encoding the way warcio does when reading content: where decoding fails, the stored
/// bytes are kept.
/// </summary>
internal sealed class HttpBlock
{
    private HttpBlock(int? status, IReadOnlyList<KeyValuePair<string, string>> headers, int bodyStart)
    {
        Status = status;
        Headers = headers;
        BodyStart = bodyStart;
    }

    public int? Status { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Offset in the block where the body (the WARC payload) starts.</summary>
    public int BodyStart { get; }

    /// <summary>Parses the head of an HTTP message (CRLF or bare LF line ends); null when the block has no complete head.</summary>
    public static HttpBlock? Parse(ReadOnlySpan<byte> block)
    {
        var end = HeadEnd(block, out var bodyStart);
        if (end < 0)
        {
            return null;
        }

        var head = Encoding.Latin1.GetString(block[..end]);
        var lines = head.Split('\n');
        var statusLine = lines[0].TrimEnd('\r');
        int? status = null;
        if (statusLine.StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase))
        {
            var parts = statusLine.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                status = code;
            }
        }

        var headers = new HeaderLines();
        foreach (var raw in lines.AsSpan(1))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || headers.TryContinue(line))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        return new HttpBlock(status, headers.ToList(), bodyStart);
    }

    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>True when the body uses chunked transfer-encoding.</summary>
    public bool IsChunked => Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// The body with transfer and content encodings removed; null when the decoded body is over
    /// <paramref name="maxBytes"/>.
    /// </summary>
    public ReadOnlyMemory<byte>? DecodeBody(byte[] block, long maxBytes)
    {
        var stored = block.AsMemory(BodyStart);
        var encoding = Header("Content-Encoding")?.Trim().ToLowerInvariant();
        var plainEncoding = encoding is null or "" or "identity";
        if (!IsChunked && plainEncoding)
        {
            return stored;
        }

        var body = stored.ToArray();
        if (IsChunked && Dechunk(body) is { } plain)
        {
            body = plain;
        }

        if (plainEncoding)
        {
            return body;
        }

        var decoded = encoding switch
        {
            "gzip" or "x-gzip" => Inflate(body, s => new GZipStream(s, CompressionMode.Decompress), maxBytes),
            "deflate" => Inflate(body, s => new ZLibStream(s, CompressionMode.Decompress), maxBytes)
                ?? Inflate(body, s => new DeflateStream(s, CompressionMode.Decompress), maxBytes),
            "br" => Inflate(body, s => new BrotliStream(s, CompressionMode.Decompress), maxBytes),
            _ => null,
        };
        if (ReferenceEquals(decoded, TooLarge))
        {
            return null;
        }

        return decoded ?? body;
    }

    /// <summary>Removes chunked transfer-encoding; null when the body is not well-formed chunks.</summary>
    internal static byte[]? Dechunk(ReadOnlySpan<byte> body)
    {
        using var output = new MemoryStream(body.Length);
        var at = 0;
        while (true)
        {
            var lineEnd = body[at..].IndexOf((byte)'\n');
            if (lineEnd < 0)
            {
                return null;
            }

            var sizeText = Encoding.ASCII.GetString(body.Slice(at, lineEnd)).Trim();
            var semicolon = sizeText.IndexOf(';', StringComparison.Ordinal);
            if (semicolon >= 0)
            {
                sizeText = sizeText[..semicolon].Trim();
            }

            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                return null;
            }

            at += lineEnd + 1;
            if (size == 0)
            {
                return output.ToArray();
            }

            if (size > body.Length - at)
            {
                return null;
            }

            output.Write(body.Slice(at, size));
            at += size;
            if (at < body.Length && body[at] == '\r')
            {
                at++;
            }

            if (at < body.Length && body[at] == '\n')
            {
                at++;
            }

            if (at >= body.Length)
            {
                return output.ToArray();
            }
        }
    }

    private static readonly byte[] TooLarge = new byte[1];

    private static byte[]? Inflate(byte[] body, Func<Stream, Stream> open, long maxBytes)
    {
        try
        {
            using var decoder = open(new MemoryStream(body, writable: false));
            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = decoder.Read(chunk)) > 0)
            {
                if (output.Length + n > maxBytes)
                {
                    return TooLarge;
                }

                output.Write(chunk, 0, n);
            }

            return output.Length == 0 && body.Length > 0 ? null : output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // BrotliStream's word for a body that does not decode.
            return null;
        }
    }

    /// <summary>Offset of the blank line that ends the head (-1 if none); <paramref name="bodyStart"/> is just past it.</summary>
    private static int HeadEnd(ReadOnlySpan<byte> block, out int bodyStart)
    {
        for (var i = 0; i < block.Length; i++)
        {
            if (block[i] != '\n')
            {
                continue;
            }

            if (i + 1 < block.Length && block[i + 1] == '\n')
            {
                bodyStart = i + 2;
                return i;
            }

            if (i + 2 < block.Length && block[i + 1] == '\r' && block[i + 2] == '\n')
            {
                bodyStart = i + 3;
                return i;
            }
        }

        bodyStart = 0;
        return -1;
    }
}
