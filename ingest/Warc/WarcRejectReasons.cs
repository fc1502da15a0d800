namespace Corpus.Ingest.Warc;

/// <summary>Reason codes of <see cref="WarcReject"/> and of WARC records the converter refuses.</summary>
public static class WarcRejectReasons
{
    /// <summary>Bytes where a record should start that are not a WARC record (skipped up to the next <c>WARC/</c> line).</summary>
    public const string Garbage = "garbage";

    /// <summary>A header line without a colon, or a header block over the size limit.</summary>
    public const string BadHeader = "bad-header";

    /// <summary><c>Content-Length</c> missing, not a number, or not where the record really ends.</summary>
    public const string BadContentLength = "bad-content-length";

    /// <summary>The file ends inside a record (or a gzip member).</summary>
    public const string Truncated = "truncated";

    /// <summary>A record block over <see cref="WarcReaderOptions.MaxRecordBytes"/>: skipped, not loaded.</summary>
    public const string TooLarge = "too-large";

    /// <summary>A gzip member that does not inflate, or whose trailer does not match.</summary>
    public const string CorruptGzip = "corrupt-gzip";

    /// <summary><c>WARC-Block-Digest</c> does not match the block.</summary>
    public const string BlockDigestMismatch = "block-digest-mismatch";

    /// <summary><c>WARC-Payload-Digest</c> does not match the payload.</summary>
    public const string PayloadDigestMismatch = "payload-digest-mismatch";

    /// <summary>Converter: the content is neither HTML nor plain text.</summary>
    public const string UnsupportedContentType = "unsupported-content-type";

    /// <summary>Converter: the HTTP status is not 200.</summary>
    public const string HttpStatus = "http-status";

    /// <summary>Converter: nothing but whitespace is left after extraction.</summary>
    public const string NoText = "no-text";
}
