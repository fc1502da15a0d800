namespace Corpus.Ingest.Warc;

/// <summary>A discontinuity in the bytes a source gives: data between two good parts was lost.</summary>
internal sealed record WarcBreak(long RawOffset, string Reason, string Detail);

/// <summary>
/// The uncompressed bytes of a WARC file. <see cref="Read"/> returning 0 is the end, unless
/// <see cref="TakeBreak"/> then gives a break: bytes were lost there and reading goes on after it.
/// </summary>
internal interface IWarcSource
{
    int Read(Span<byte> buffer);

    WarcBreak? TakeBreak();

    /// <summary>The offset in the file of the bytes at <paramref name="logical"/> (for gzip, the start of their member).</summary>
    long RawOffsetOf(long logical);

    /// <summary>
    /// Leaves the rest of the current gzip member uninflated and goes on at the next member whose data starts with
    /// <c>WARC/</c> (or at the end); returns the file bytes passed over, or -1 when the source has no members (a plain
    /// file, whose bytes cost no more to read than they take on disk).
    /// </summary>
    long SkipToRecordMember();
}

/// <summary>An uncompressed WARC file: logical offsets are file offsets.</summary>
internal sealed class PlainWarcSource(Stream stream) : IWarcSource
{
    private readonly Stream _stream = stream;

    public int Read(Span<byte> buffer)
    {
        try
        {
            return _stream.Read(buffer);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public WarcBreak? TakeBreak() => null;

    public long RawOffsetOf(long logical) => logical;

    public long SkipToRecordMember() => -1;
}
