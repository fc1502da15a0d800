using System.Collections.Immutable;
using System.Globalization;
using Corpus.Core.Documents;
using Corpus.Core.Text;
using Corpus.Ingest.Files;

namespace Corpus.Ingest.Pdf;

/// <summary>
/// A PDF's bytes as a document (source kind <c>pdf</c>, content type <c>application/pdf</c>; title,
/// author, language and page count in the metadata) or a reject naming the reason, for every input
/// that carries PDFs: local files, WARC records and crawled pages.
/// </summary>
public static class PdfDocumentReader
{
    /// <summary>The media type of PDF documents.</summary>
    public const string MediaType = "application/pdf";

    /// <summary>
    /// Extracts <paramref name="bytes"/> under <paramref name="options"/>; <paramref name="id"/> and
    /// <paramref name="uri"/> name the document, <paramref name="metadata"/> adds the source's own facts.
    /// </summary>
    public static FileReadOutcome Read(ReadOnlyMemory<byte> bytes, string id, string uri, PdfOptions options, IEnumerable<KeyValuePair<string, string>>? metadata = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(options);
        var extraction = PdfTextExtractor.Extract(bytes, options, ct);
        if (extraction.Document is not { } pdf)
        {
            var reject = extraction.Reject!;
            return new FileReadOutcome.Rejected(id, uri, reject.Reason, reject.Detail);
        }

        var text = Nfc.NormalizeIfNeeded(pdf.Text) ?? pdf.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new FileReadOutcome.Rejected(id, uri, PdfRejectReasons.NoTextLayer, "no text left after extraction");
        }

        var meta = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pdf.Metadata)
        {
            meta["pdf_" + key] = value;
        }

        meta["bytes"] = bytes.Length.ToString(CultureInfo.InvariantCulture);
        meta["pages"] = pdf.Pages.ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(pdf.Author))
        {
            meta["author"] = pdf.Author;
        }

        if (!string.IsNullOrWhiteSpace(pdf.Language))
        {
            meta["pdf_lang"] = pdf.Language;
        }

        foreach (var (key, value) in metadata ?? [])
        {
            meta[key] = value;
        }

        var title = string.IsNullOrWhiteSpace(pdf.Title) ? null : Nfc.NormalizeIfNeeded(pdf.Title) ?? pdf.Title;
        return new FileReadOutcome.Accepted(new Document
        {
            Id = id,
            SourceUri = uri,
            SourceKind = SourceKind.Pdf,
            ContentType = MediaType,
            Title = title,
            Text = text,
            Metadata = meta.ToImmutable(),
        });
    }
}
