namespace Corpus.Ingest.Warc;

/// <summary>
/// Reads WARC files (1.0, 1.1, WET, and older 0.x versions), plain or gzip (a member per record or
/// the whole file in one stream), record by record with bounded memory. Bad input never throws: it
/// becomes a <see cref="WarcReject"/> and reading resumes at the next record.
/// </summary>
public static class WarcReader
{
    /// <summary>The records and rejects of <paramref name="stream"/>, in file order; the stream is read lazily and not disposed.</summary>
    public static IEnumerable<WarcReadResult> Open(Stream stream, WarcReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return WarcRecordParser.Parse(stream, options ?? new WarcReaderOptions());
    }
}
