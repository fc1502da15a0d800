namespace Corpus.Ingest.Warc;

/// <summary>One step of reading a WARC file: a <see cref="WarcRecord"/> or a <see cref="WarcReject"/>.</summary>
public abstract record WarcReadResult
{
    private protected WarcReadResult(long offset)
    {
        Offset = offset;
    }

    /// <summary>Offset in the file where the record (for gzip files, its member) or the bad bytes start.</summary>
    public long Offset { get; }
}
