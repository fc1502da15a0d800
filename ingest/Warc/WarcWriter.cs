using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Corpus.Ingest.Warc;

/// <summary>
/// Writes WARC/1.1 files: a warcinfo record first in each file, then the records written, each in its
/// own gzip member; a file is written under a <c>.tmp</c> name and renamed when closed, and the next
/// file starts once it has passed <see cref="WarcWriterOptions.MaxFileBytes"/>. Digests are
/// <c>sha1:</c> + base32; the payload digest is over the HTTP body exactly as given (still chunked or
/// compressed if it was so received), as warcio computes it. Not thread-safe: one writer per task.
/// </summary>
public sealed class WarcWriter : IDisposable
{
    private readonly WarcWriterOptions _options;
    private readonly WarcRecordIds _ids;
    private readonly List<string> _completed = [];
    private FileStream? _file;
    private string? _tmpPath;
    private string? _finalPath;
    private int _nextIndex;

    private WarcWriter(WarcWriterOptions options)
    {
        _options = options;
        _ids = new WarcRecordIds(options.Seed);
        _nextIndex = options.FirstFileIndex;
    }

    /// <summary>Full paths of the files finished (closed and renamed) so far.</summary>
    public IReadOnlyList<string> CompletedFiles => _completed;

    /// <summary>A writer into <see cref="WarcWriterOptions.Directory"/>; no file is opened before the first record.</summary>
    public static WarcWriter Create(WarcWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxFileBytes);
        System.IO.Directory.CreateDirectory(options.Directory);
        return new WarcWriter(options);
    }

    /// <summary>
    /// Writes a <c>response</c> record for <paramref name="httpResponse"/> (status line, headers and body as
    /// received) and, when <paramref name="httpRequest"/> is not empty, a <c>request</c> record after it
    /// that points to it with <c>WARC-Concurrent-To</c>. Returns the response's record id.
    /// </summary>
    public string WriteResponse(string targetUri, DateTimeOffset date, ReadOnlySpan<byte> httpResponse, ReadOnlySpan<byte> httpRequest = default, string? ipAddress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetUri);
        var responseId = WriteHttp("response", targetUri, date, httpResponse, ipAddress, concurrentTo: null);
        if (!httpRequest.IsEmpty)
        {
            WriteHttp("request", targetUri, date, httpRequest, ipAddress, responseId);
        }

        return responseId;
    }

    /// <summary>Writes a <c>resource</c> record (content without HTTP framing, e.g. a local file). Returns its record id.</summary>
    public string WriteResource(string targetUri, DateTimeOffset date, string contentType, ReadOnlySpan<byte> content)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetUri);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        var id = NextId(date);
        Write(date, [
            new("WARC-Type", "resource"),
            new("WARC-Record-ID", id),
            new("WARC-Date", WarcRecordFormat.Date(date)),
            new("WARC-Target-URI", targetUri),
            new("WARC-Payload-Digest", WarcDigest.Sha1Base32(content)),
            new("WARC-Block-Digest", WarcDigest.Sha1Base32(content)),
            new("Content-Type", contentType),
        ], content);
        return id;
    }

    /// <summary>
    /// Writes a <c>metadata</c> record of <c>application/warc-fields</c> (<c>name: value</c> lines) about
    /// <paramref name="targetUri"/>, optionally tied to another record. Returns its record id.
    /// </summary>
    public string WriteMetadata(string targetUri, DateTimeOffset date, IReadOnlyList<KeyValuePair<string, string>> fields, string? concurrentTo = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetUri);
        ArgumentNullException.ThrowIfNull(fields);
        var id = NextId(date);
        var block = Fields(fields);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("WARC-Type", "metadata"),
            new("WARC-Record-ID", id),
            new("WARC-Date", WarcRecordFormat.Date(date)),
            new("WARC-Target-URI", targetUri),
        };
        if (concurrentTo is not null)
        {
            headers.Add(new("WARC-Concurrent-To", concurrentTo));
        }

        headers.Add(new("WARC-Block-Digest", WarcDigest.Sha1Base32(block)));
        headers.Add(new("Content-Type", "application/warc-fields"));
        Write(date, headers, block);
        return id;
    }

    /// <summary>Closes and renames the current file.</summary>
    public void Dispose() => CloseFile();

    private string WriteHttp(string type, string targetUri, DateTimeOffset date, ReadOnlySpan<byte> message, string? ipAddress, string? concurrentTo)
    {
        var id = NextId(date);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("WARC-Type", type),
            new("WARC-Record-ID", id),
            new("WARC-Date", WarcRecordFormat.Date(date)),
            new("WARC-Target-URI", targetUri),
        };
        if (concurrentTo is not null)
        {
            headers.Add(new("WARC-Concurrent-To", concurrentTo));
        }

        if (!string.IsNullOrEmpty(ipAddress))
        {
            headers.Add(new("WARC-IP-Address", ipAddress));
        }

        headers.Add(new("WARC-Payload-Digest", WarcDigest.Sha1Base32(message[WarcRecordFormat.HttpBodyStart(message)..])));
        headers.Add(new("WARC-Block-Digest", WarcDigest.Sha1Base32(message)));
        headers.Add(new("Content-Type", "application/http;msgtype=" + type));
        Write(date, headers, message);
        return id;
    }

    /// <summary>The next record id, opened the file first so that its warcinfo record takes the id before.</summary>
    private string NextId(DateTimeOffset date)
    {
        if (_file is null)
        {
            OpenFile(date);
        }

        return _ids.Next();
    }

    private void Write(DateTimeOffset date, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> block)
    {
        if (_file is null)
        {
            OpenFile(date);
        }

        WriteBytes(WarcRecordFormat.Serialize(headers, block));
        if (_file!.Position >= _options.MaxFileBytes)
        {
            CloseFile();
        }
    }

    private void OpenFile(DateTimeOffset date)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{_options.Prefix}-{_nextIndex++:D5}.warc{(_options.Gzip ? ".gz" : "")}");
        _finalPath = Path.Combine(_options.Directory, name);
        _tmpPath = _finalPath + ".tmp";
        _file = new FileStream(_tmpPath, FileMode.Create, FileAccess.Write, FileShare.Read);
        var info = Fields([
            new("software", _options.Software),
            new("format", "WARC File Format 1.1"),
            new("conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"),
        ]);
        var id = _ids.Next();
        WriteBytes(WarcRecordFormat.Serialize(
            [
                new("WARC-Type", "warcinfo"),
                new("WARC-Record-ID", id),
                new("WARC-Date", WarcRecordFormat.Date(date)),
                new("WARC-Filename", name),
                new("WARC-Block-Digest", WarcDigest.Sha1Base32(info)),
                new("Content-Type", "application/warc-fields"),
            ],
            info));
    }

    private void WriteBytes(byte[] record)
    {
        if (!_options.Gzip)
        {
            _file!.Write(record);
            return;
        }

        using (var gzip = new GZipStream(_file!, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(record);
        }
    }

    private void CloseFile()
    {
        if (_file is null)
        {
            return;
        }

        _file.Flush(flushToDisk: true);
        _file.Dispose();
        _file = null;
        File.Move(_tmpPath!, _finalPath!, overwrite: true);
        _completed.Add(_finalPath!);
    }

    private static byte[] Fields(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
