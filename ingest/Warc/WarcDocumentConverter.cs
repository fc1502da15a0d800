using System.Collections.Immutable;
using System.Globalization;
using Corpus.Core.Documents;
using Corpus.Core.Text;
using Corpus.Ingest.Files;
using Corpus.Ingest.Html;

namespace Corpus.Ingest.Warc;

/// <summary>
/// Turns WARC records into documents: <c>response</c> records (HTTP 200, HTML, plain text or PDF),
/// <c>resource</c> records of those types, and WET <c>conversion</c> records (plain text); plain text holding NUL
/// characters is a reject <c>binary</c>, as a text file is. Other
/// record types (warcinfo, request, metadata, revisit) give null. HTML goes through the extractor
/// given (by default <see cref="HtmlTextExtractor.Extract"/>), which gets the page and its URL.
/// </summary>
public sealed class WarcDocumentConverter
{
    private readonly Func<string, string?, ExtractedPage> _extractHtml;
    private readonly Pdf.PdfOptions _pdf;

    /// <summary>
    /// A converter using <paramref name="extractHtml"/> (html, url) → page for HTML pages (by default
    /// the plain reduction of <see cref="HtmlTextExtractor"/>); the page's language tag, canonical
    /// URL, date and author go to the metadata.
    /// </summary>
    public WarcDocumentConverter(Func<string, string?, ExtractedPage>? extractHtml = null, Pdf.PdfOptions? pdf = null)
    {
        _extractHtml = extractHtml ?? PageMetadata.PlainText;
        _pdf = pdf ?? new Pdf.PdfOptions();
    }

    /// <summary>
    /// The document of <paramref name="record"/>, a reject (<see cref="WarcRejectReasons"/> codes), or null when
    /// the record type carries no document. <paramref name="warcFile"/> goes to the <c>warc_file</c> metadata.
    /// </summary>
    public FileReadOutcome? Convert(WarcRecord record, string warcFile)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(warcFile);
        var isHttp = record.HttpStatus is not null || record.HttpHeaders.Count > 0;
        if (record.Type is not ("response" or "resource" or "conversion"))
        {
            return null;
        }

        var uri = record.TargetUri ?? record.RecordId ?? "";
        var body = record.HttpBody.Span;
        var id = DocumentId.Compute(uri, body);
        if (record.Type == "response" && !isHttp)
        {
            return new FileReadOutcome.Rejected(id, uri, WarcRejectReasons.UnsupportedContentType, $"response record of type {record.ContentType} holds no HTTP response");
        }

        if (isHttp && record.HttpStatus != 200)
        {
            return new FileReadOutcome.Rejected(id, uri, WarcRejectReasons.HttpStatus, $"HTTP status {record.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "missing"}");
        }

        var contentTypeHeader = isHttp
            ? record.HttpHeader("Content-Type") ?? record.Header("WARC-Identified-Payload-Type")
            : record.ContentType;
        var mediaType = contentTypeHeader is null ? "" : WarcCharset.MediaType(contentTypeHeader);
        var html = mediaType is "text/html" or "application/xhtml+xml";
        if (mediaType is Pdf.PdfDocumentReader.MediaType or "application/x-pdf" || (mediaType is "" or "application/octet-stream" && body.StartsWith("%PDF-"u8)))
        {
            var warcMetadata = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            AddWarcFacts(warcMetadata, record, warcFile);
            return Pdf.PdfDocumentReader.Read(record.HttpBody, id, uri, _pdf, warcMetadata);
        }

        if (!html && mediaType != "text/plain")
        {
            return new FileReadOutcome.Rejected(id, uri, WarcRejectReasons.UnsupportedContentType, $"content type \"{contentTypeHeader}\"");
        }

        var raw = WarcCharset.Decode(body, contentTypeHeader, html);
        if (!html && raw.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            // As for text files: NULs mark a binary body served as text (an HTML parser drops them from the text itself).
            return new FileReadOutcome.Rejected(id, uri, RejectReasons.Binary, string.Create(CultureInfo.InvariantCulture, $"NUL character at offset {nul}"));
        }

        string? title = null;
        var text = raw;
        ExtractedPage? page = null;
        if (html)
        {
            page = _extractHtml(raw, record.TargetUri);
            (title, text) = (page.Title, page.Text);
        }

        text = Nfc.NormalizeIfNeeded(text) ?? text;
        title = title is null ? null : Nfc.NormalizeIfNeeded(title) ?? title;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new FileReadOutcome.Rejected(id, uri, WarcRejectReasons.NoText, "no text left after extraction");
        }

        var metadata = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (page is not null)
        {
            PageMetadata.AddTo(metadata, page);
        }

        AddWarcFacts(metadata, record, warcFile);
        return new FileReadOutcome.Accepted(new Document
        {
            Id = id,
            SourceUri = uri,
            SourceKind = SourceKind.Warc,
            ContentType = mediaType,
            Title = string.IsNullOrWhiteSpace(title) ? null : title,
            Text = text,
            Metadata = metadata.ToImmutable(),
        });
    }

    /// <summary>The record's WARC facts every document of a WARC carries in its metadata.</summary>
    private static void AddWarcFacts(ImmutableSortedDictionary<string, string>.Builder metadata, WarcRecord record, string warcFile)
    {
        metadata["warc_file"] = warcFile;
        metadata["warc_type"] = record.Type;
        Add(metadata, "warc_date", record.Date);
        Add(metadata, "warc_record_id", record.RecordId);
        Add(metadata, "http_status", record.HttpStatus?.ToString(CultureInfo.InvariantCulture));
        Add(metadata, "warc_identified_language", record.Header("WARC-Identified-Content-Language"));
    }

    private static void Add(ImmutableSortedDictionary<string, string>.Builder metadata, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            metadata[key] = value;
        }
    }
}
