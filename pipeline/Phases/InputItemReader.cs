using Corpus.Core.Documents;
using Corpus.Ingest.Files;
using Corpus.Ingest.Html;
using Corpus.Ingest.Pdf;
using Corpus.Ingest.Warc;
using Corpus.Pipeline.Isolation;

namespace Corpus.Pipeline.Phases;

/// <summary>What an <see cref="InputItemReader"/> reads and within which limits; plain data, so a worker process can read an item the same way.</summary>
/// <param name="MaxBytes">Largest file or record read (<c>input.max_file_bytes</c>).</param>
/// <param name="Extensions">File extensions read (<c>input.extensions</c>).</param>
/// <param name="Rewrite">Renames WARC target URIs first, when given.</param>
/// <param name="PdfMaxPages">Most pages a PDF may have.</param>
/// <param name="PdfMaxSeconds">Time limit of one PDF's parse.</param>
/// <param name="DocumentSeconds">Time limit of the project's own work on one item (decoding, HTML extraction), checked cooperatively.</param>
internal sealed record InputReaderSettings(long MaxBytes, IReadOnlyList<string> Extensions, UriRewrite? Rewrite = null, int PdfMaxPages = 2000, double PdfMaxSeconds = 30, double DocumentSeconds = 60)
{
    /// <summary>The PDF options these settings give, parsing in <paramref name="host"/> (null: in this process).</summary>
    public PdfOptions Pdf(IPdfParseHost? host = null, IPageTranscriber? transcriber = null) => new()
    {
        MaxBytes = MaxBytes,
        MaxPages = PdfMaxPages,
        MaxTime = TimeSpan.FromSeconds(PdfMaxSeconds),
        Host = host,
        Transcriber = transcriber,
    };
}

/// <summary>
/// Turns input items into documents or rejects: an item the index already refused, a whole file, or a
/// WARC record read by offset (keeping the last WARC file open, since items of one file come in runs).
/// </summary>
internal sealed class InputItemReader : IDisposable
{
    private readonly InputReaderSettings _settings;
    private readonly Func<string, string?, ExtractedPage> _htmlExtractor;
    private readonly PdfOptions _pdf;
    private readonly WarcDocumentConverter _converter;
    private FileStream? _stream;
    private string? _path;

    public InputItemReader(InputReaderSettings settings, Func<string, string?, ExtractedPage> htmlExtractor, IPdfParseHost? pdfHost = null, IPageTranscriber? transcriber = null)
    {
        _settings = settings;
        _htmlExtractor = htmlExtractor;
        _pdf = settings.Pdf(pdfHost, transcriber);
        _converter = new WarcDocumentConverter(htmlExtractor, _pdf);
    }

    public FileReadOutcome Read(InputItem item)
    {
        if (item.RejectReason is not null)
        {
            var where = item.Uri ?? item.File.RelativePath;
            return new FileReadOutcome.Rejected(Core.Documents.DocumentId.Compute(where, []), where, item.RejectReason, item.RejectDetail ?? string.Empty);
        }

        FileReadOutcome outcome;
        using (DocumentDeadline.Start("read", TimeSpan.FromSeconds(_settings.DocumentSeconds)))
        {
            try
            {
                outcome = item.IsWarcRecord ? ReadRecord(item) : FileDocumentReader.Read(item.File, _settings.Extensions, _settings.MaxBytes, _htmlExtractor, _pdf);
            }
            catch (DocumentTimeoutException e)
            {
                var where = item.Uri is { } uri ? _settings.Rewrite?.Apply(uri) ?? uri : item.File.RelativePath;
                return new FileReadOutcome.Rejected(DocumentId.Compute(where, []), where, PdfRejectReasons.Timeout, e.Message);
            }
        }

        if (outcome is FileReadOutcome.Accepted a)
        {
            TestFaults.Check(a.Document.Text);
        }

        return outcome;
    }

    private FileReadOutcome ReadRecord(InputItem item)
    {
        var uri = item.Uri ?? item.File.RelativePath;
        var rewrite = _settings.Rewrite;
        if (rewrite is not null)
        {
            uri = rewrite.Apply(uri);
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
            var first = WarcReader.Open(new NonClosingStream(_stream), new WarcReaderOptions { MaxRecordBytes = _settings.MaxBytes }).FirstOrDefault();
            return first switch
            {
                WarcRecord r => _converter.Convert(rewrite is null ? r : Renamed(r, rewrite), item.File.RelativePath)
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

    private static WarcRecord Renamed(WarcRecord record, UriRewrite rewrite) => record with
    {
        Headers = [.. record.Headers.Select(h => string.Equals(h.Key, "WARC-Target-URI", StringComparison.OrdinalIgnoreCase)
            ? new KeyValuePair<string, string>(h.Key, rewrite.Apply(h.Value.Trim('<', '>')))
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
