namespace Corpus.Ingest.Warc;

/// <summary>
/// One WARC record as read: its headers, its block, and for <c>application/http</c> records the HTTP
/// status, headers and body (de-chunked and decompressed, as warcio gives it when reading content).
/// </summary>
public sealed record WarcRecord : WarcReadResult
{
    internal WarcRecord(long offset)
        : base(offset)
    {
    }

    /// <summary>The version line, e.g. <c>WARC/1.1</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The WARC headers in file order (names as written; continuation lines joined).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>The record block: exactly <c>Content-Length</c> bytes.</summary>
    public required ReadOnlyMemory<byte> Block { get; init; }

    /// <summary>The HTTP status code of a response record, when the block is an HTTP response.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>The HTTP headers of an <c>application/http</c> record; empty otherwise.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> HttpHeaders { get; init; } = [];

    /// <summary>The HTTP entity body with transfer and content encodings removed; the block for non-HTTP records.</summary>
    public ReadOnlyMemory<byte> HttpBody { get; init; }

    /// <summary>Result of checking <c>WARC-Block-Digest</c>.</summary>
    public WarcDigestCheck BlockDigest { get; init; }

    /// <summary>Result of checking <c>WARC-Payload-Digest</c>.</summary>
    public WarcDigestCheck PayloadDigest { get; init; }

    /// <summary><c>WARC-Type</c>, e.g. <c>response</c>, <c>conversion</c>; empty when missing.</summary>
    public string Type => Header("WARC-Type") ?? "";

    /// <summary><c>WARC-Record-ID</c>.</summary>
    public string? RecordId => Header("WARC-Record-ID");

    /// <summary><c>WARC-Date</c> as written.</summary>
    public string? Date => Header("WARC-Date");

    /// <summary><c>WARC-Target-URI</c>, without the angle brackets some writers (wget) put around it.</summary>
    public string? TargetUri => Header("WARC-Target-URI") is { } uri && uri.Length > 1 && uri[0] == '<' && uri[^1] == '>' ? uri[1..^1] : Header("WARC-Target-URI");

    /// <summary>The record's <c>Content-Type</c>.</summary>
    public string? ContentType => Header("Content-Type");

    /// <summary>The first WARC header of that name (case-insensitive), or null.</summary>
    public string? Header(string name) => Find(Headers, name);

    /// <summary>The first HTTP header of that name (case-insensitive), or null.</summary>
    public string? HttpHeader(string name) => Find(HttpHeaders, name);

    private static string? Find(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
