namespace Corpus.Ingest.Pdf;

/// <summary>The outcome of one extraction: exactly one of <see cref="Document"/> and <see cref="Reject"/> is set.</summary>
public sealed record PdfExtraction(PdfDocumentText? Document, PdfReject? Reject)
{
    internal static PdfExtraction Of(PdfDocumentText document) => new(document, null);

    internal static PdfExtraction Rejected(string reason, string detail) => new(null, new PdfReject(reason, detail));
}
