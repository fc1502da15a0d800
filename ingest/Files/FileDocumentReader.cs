using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Corpus.Core.Documents;
using Corpus.Core.Text;
using Corpus.Ingest.Html;

namespace Corpus.Ingest.Files;

/// <summary>
/// Turns one local file into a document: size checked before reading, bytes decoded strictly
/// (UTF-8, or UTF-16 with a byte order mark), HTML reduced to text, text NFC-normalized. Every
/// failure is a <see cref="FileReadOutcome.Rejected"/> naming the reason; nothing throws for bad
/// input.
/// </summary>
public static class FileDocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The content type a file's extension maps to, or null when unsupported.</summary>
    public static string? ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" or ".xhtml" => "text/html",
        ".md" or ".markdown" => "text/markdown",
        ".txt" or ".text" => "text/plain",
        ".pdf" => Pdf.PdfDocumentReader.MediaType,
        _ => null,
    };

    /// <summary>
    /// Reads <paramref name="file"/>; files over <paramref name="maxBytes"/> are rejected unread.
    /// HTML goes through <paramref name="extractHtml"/> (html, source) → page, by default the plain
    /// reduction of <see cref="HtmlTextExtractor"/>; the page's language tag, canonical URL, date and
    /// author go to the metadata. PDFs go through <see cref="Pdf.PdfTextExtractor"/> under
    /// <paramref name="pdf"/> (by default its limits, with <paramref name="maxBytes"/>).
    /// </summary>
    public static FileReadOutcome Read(InputFile file, IReadOnlyCollection<string> extensions, long maxBytes, Func<string, string?, ExtractedPage>? extractHtml = null, Pdf.PdfOptions? pdf = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(extensions);
        // name.txt.gz and name.html.gz are read as the file inside, as corpus tools usually do.
        var gzipped = file.RelativePath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var name = gzipped ? file.RelativePath[..^3] : file.RelativePath;
        var ext = Path.GetExtension(name).ToLowerInvariant();
        var contentType = ContentTypeOf(name) ?? "text/plain";
        if (!extensions.Contains(ext))
        {
            return Reject(file, [], RejectReasons.UnsupportedExtension, $"extension '{ext}' is not in input.extensions");
        }

        byte[] bytes;
        try
        {
            bytes = ReadBounded(file.FullPath, maxBytes, out var tooLarge);
            if (tooLarge is { } size)
            {
                return Reject(file, [], RejectReasons.TooLarge, string.Create(CultureInfo.InvariantCulture, $"{size} bytes is over input.max_file_bytes = {maxBytes}"));
            }

            if (gzipped && bytes.Length > 0)
            {
                bytes = Gunzip(bytes, maxBytes, out var inflatedTooLarge);
                if (inflatedTooLarge)
                {
                    return Reject(file, [], RejectReasons.TooLarge, string.Create(CultureInfo.InvariantCulture, $"it inflates to more than input.max_file_bytes = {maxBytes}"));
                }
            }
        }
        catch (InvalidDataException e)
        {
            return Reject(file, [], RejectReasons.CorruptGzip, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return Reject(file, [], RejectReasons.Unreadable, $"{e.GetType().Name}: {e.Message}");
        }

        if (bytes.Length == 0)
        {
            return Reject(file, bytes, RejectReasons.Empty, "the file has no bytes (or is not a regular file)");
        }

        if (contentType == Pdf.PdfDocumentReader.MediaType)
        {
            return Pdf.PdfDocumentReader.Read(bytes, DocumentId.Compute(file.RelativePath, bytes), file.RelativePath, pdf ?? new Pdf.PdfOptions { MaxBytes = maxBytes });
        }

        string raw;
        if (contentType == "text/html")
        {
            // HTML says its own encoding (BOM, <meta charset>), as a browser reads it; else UTF-8.
            raw = Web.CharsetDetector.Decode(bytes, null);
        }
        else if (!TryDecode(bytes, out raw, out var decodeError))
        {
            return Reject(file, bytes, RejectReasons.InvalidUtf8, decodeError);
        }

        if (raw.Contains('\0', StringComparison.Ordinal))
        {
            return Reject(file, bytes, RejectReasons.Binary, string.Create(CultureInfo.InvariantCulture, $"NUL character at offset {raw.IndexOf('\0', StringComparison.Ordinal)}"));
        }

        string? title;
        string text;
        ExtractedPage? page = null;
        if (contentType == "text/html")
        {
            page = (extractHtml ?? PageMetadata.PlainText)(raw, file.RelativePath);
            (title, text) = (page.Title, page.Text);
        }
        else
        {
            text = raw;
            title = contentType == "text/markdown" ? MarkdownTitle(raw) : null;
        }

        text = Nfc.NormalizeIfNeeded(text) ?? text;
        title = title is null ? null : Nfc.NormalizeIfNeeded(title) ?? title;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Reject(file, bytes, RejectReasons.NoText, "nothing but whitespace after extraction");
        }

        var metadata = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        metadata["bytes"] = bytes.Length.ToString(CultureInfo.InvariantCulture);
        if (page is not null)
        {
            PageMetadata.AddTo(metadata, page);
        }

        return new FileReadOutcome.Accepted(new Document
        {
            Id = DocumentId.Compute(file.RelativePath, bytes),
            SourceUri = file.RelativePath,
            SourceKind = SourceKind.File,
            ContentType = contentType,
            Title = title,
            Text = text,
            Metadata = metadata.ToImmutable(),
        });
    }

    private static byte[] ReadBounded(string path, long maxBytes, out long? tooLarge)
    {
        tooLarge = null;
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"'{path}' does not exist or is a broken link", path);
        }

        // Sizes come from stat before any open: a FIFO or device reports 0 and is never opened,
        // so it cannot block the reader; an oversized file is never read.
        if (info.Length == 0)
        {
            return [];
        }

        if (info.Length > maxBytes)
        {
            tooLarge = info.Length;
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

        // Read at most maxBytes + 1 so a file that grew (or a device with no length) cannot exceed the bound.
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > maxBytes)
            {
                tooLarge = buffer.Length;
                return [];
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Gunzip(byte[] compressed, long maxBytes, out bool tooLarge)
    {
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        var output = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = gzip.Read(chunk, 0, chunk.Length)) > 0)
        {
            output.Write(chunk, 0, n);
            if (output.Length > maxBytes)
            {
                tooLarge = true;
                return [];
            }
        }

        tooLarge = false;
        return output.ToArray();
    }

    private static bool TryDecode(byte[] bytes, out string text, out string error)
    {
        error = string.Empty;
        text = string.Empty;
        ReadOnlySpan<byte> span = bytes;
        Encoding encoding = StrictUtf8;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            span = span[2..];
            encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            span = span[2..];
            encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
        }

        try
        {
            text = encoding.GetString(span);
            return true;
        }
        catch (DecoderFallbackException e)
        {
            error = e.Index >= 0
                ? string.Create(CultureInfo.InvariantCulture, $"invalid {encoding.WebName} byte sequence at offset {e.Index + (bytes.Length - span.Length)}")
                : $"invalid {encoding.WebName}: {e.Message}";
            return false;
        }
    }

    private static string? MarkdownTitle(string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var t = line.Trim();
            if (t.StartsWith("# ", StringComparison.Ordinal))
            {
                return t[2..].Trim().ToString();
            }

            if (!t.IsEmpty)
            {
                return null;
            }
        }

        return null;
    }

    private static FileReadOutcome.Rejected Reject(InputFile file, ReadOnlySpan<byte> bytes, string reason, string detail) =>
        new(DocumentId.Compute(file.RelativePath, bytes), file.RelativePath, reason, detail);
}
