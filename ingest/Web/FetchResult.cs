using System.Net;

namespace Corpus.Ingest.Web;

/// <summary>
/// What one <see cref="PageFetcher.FetchAsync"/> gave: the final response (status, headers, body)
/// with the bytes a WARC writer stores, or the reason it failed. A non-2xx final status is a
/// failure (<see cref="FetchFailures.HttpStatus"/>) that still carries the response.
/// </summary>
public sealed record FetchResult
{
    /// <summary>The URL asked for (normalized).</summary>
    public required string RequestedUrl { get; init; }

    /// <summary>The URL of the last response (after redirects); the requested URL when none.</summary>
    public required string FinalUrl { get; init; }

    /// <summary>The redirects followed, in order.</summary>
    public IReadOnlyList<RedirectHop> Redirects { get; init; } = [];

    /// <summary>The final HTTP status; 0 when no response came.</summary>
    public int Status { get; init; }

    /// <summary>The final response's headers (response then content headers), values as received.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The body after content decoding (gzip, deflate, br): what a parser reads.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The body as it came over the wire after de-chunking, before content decoding: what a WARC <c>response</c> record stores with <see cref="RawResponseHeaders"/>.</summary>
    public ReadOnlyMemory<byte> WireBody { get; init; }

    /// <summary>True when <see cref="Body"/> was decoded from a <c>Content-Encoding</c>, so it differs from <see cref="WireBody"/>.</summary>
    public bool ContentDecoded { get; init; }

    /// <summary>True when the body was cut at the size limit.</summary>
    public bool Truncated { get; init; }

    /// <summary>The request line and headers of the final request, as HTTP/1.1 text ending in an empty line (for a WARC <c>request</c> record).</summary>
    public ReadOnlyMemory<byte> RawRequestHeaders { get; init; }

    /// <summary>The status line and headers of the final response, as HTTP/1.1 text ending in an empty line.</summary>
    public ReadOnlyMemory<byte> RawResponseHeaders { get; init; }

    /// <summary>Wall time of the whole fetch, retries and redirects included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>When the final request was sent.</summary>
    public DateTimeOffset FetchedAt { get; init; }

    /// <summary>The server's IP address, when known.</summary>
    public IPAddress? IpAddress { get; init; }

    /// <summary>Requests sent for the final URL (1 plus retries).</summary>
    public int Attempts { get; init; }

    /// <summary>Why the fetch failed (one of <see cref="FetchFailures"/>, or a hop check's reason); null on success.</summary>
    public string? Failure { get; init; }

    /// <summary>More about the failure (an exception message, the refused URL); null when none.</summary>
    public string? FailureDetail { get; init; }

    /// <summary>True when a 2xx response was read whole.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>The value of the first header named <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
