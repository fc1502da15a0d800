namespace Corpus.Ingest.Warc;

/// <summary>Options of <see cref="WarcReader.Open"/>.</summary>
public sealed record WarcReaderOptions
{
    /// <summary>Record blocks (and decoded HTTP bodies) larger than this are skipped with a <see cref="WarcRejectReasons.TooLarge"/> reject.</summary>
    public long MaxRecordBytes { get; init; } = 64L << 20;

    /// <summary>Check <c>WARC-Block-Digest</c> and <c>WARC-Payload-Digest</c> where present.</summary>
    public bool VerifyDigests { get; init; } = true;
}
