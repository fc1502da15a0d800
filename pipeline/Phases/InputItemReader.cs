using Corpus.Ingest.Files;
using Corpus.Ingest.Html;
using Corpus.Ingest.Warc;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// Turns input items into documents or rejects: an item the index already refused, a whole file, or a
/// WARC record read by offset (keeping the last WARC file open, since items of one file come in runs).
/// <paramref name="uriMap"/>, when given, renames WARC target URIs first.
/// </summary>
internal sealed class InputItemReader(long maxBytes, IReadOnlyCollection<string> extensions, Func<string, string?, ExtractedPage> htmlExtractor, Func<string, string>? uriMap = null, Corpus.Ingest.Pdf.PdfOptions? pdf = null)
    : IDisposable
{
    private readonly WarcDocumentConverter _converter = new(htmlExtractor, pdf);
    private FileStream? _stream;
    private string? _path;

    public FileReadOutcome Read(InputItem item)
    {
        if (item.RejectReason is not null)
        {
            var where = item.Uri ?? item.File.RelativePath;
            return new FileReadOutcome.Rejected(Core.Documents.DocumentId.Compute(where, []), where, item.RejectReason, item.RejectDetail ?? string.Empty);
        }

        return item.IsWarcRecord ? ReadRecord(item) : FileDocumentReader.Read(item.File, extensions, maxBytes, htmlExtractor, pdf);
    }

    private FileReadOutcome ReadRecord(InputItem item)
    {
        var uri = item.Uri ?? item.File.RelativePath;
        if (uriMap is not null)
        {
            uri = uriMap(uri);
        }

        try
        {
            if (_path != item.File.FullPath)
            {
                _stream?.Dispose();
                _stream = File.OpenRead(item.File.FullPath);
                _path = item.File.FullPath;
            }

            _stream!.Seek(item.RecordOffset, SeekOrigin.Begin);
            var first = WarcReader.Open(new NonClosingStream(_stream), new WarcReaderOptions { MaxRecordBytes = maxBytes }).FirstOrDefault();
            return first switch
            {
                WarcRecord r => _converter.Convert(uriMap is null ? r : Renamed(r, uriMap), item.File.RelativePath)
                    ?? Reject(uri, "no-document", $"a {r.Type} record carries no document"),
                WarcReject j => Reject(uri, j.Reason, j.Detail),
                _ => Reject(uri, "warc-truncated", $"no record at offset {item.RecordOffset}"),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Reject(uri, RejectReasons.Unreadable, $"{e.GetType().Name}: {e.Message}");
        }
    }

    public void Dispose() => _stream?.Dispose();

    private static WarcRecord Renamed(WarcRecord record, Func<string, string> uriMap) => record with
    {
        Headers = [.. record.Headers.Select(h => string.Equals(h.Key, "WARC-Target-URI", StringComparison.OrdinalIgnoreCase)
            ? new KeyValuePair<string, string>(h.Key, uriMap(h.Value.Trim('<', '>')))
            : h)],
    };

    private static FileReadOutcome.Rejected Reject(string uri, string reason, string detail) =>
        new(Core.Documents.DocumentId.Compute(uri, []), uri, reason, detail);

    /// <summary>Lets a reader read from the shared stream without closing it.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
