namespace Corpus.Ingest.Pdf;

/// <summary>
/// Where a PDF's parse runs (<see cref="PdfOptions.Host"/>): PdfPig can overflow the stack on hostile files, and a
/// stack overflow ends the process it happens in, so a build parses in child processes that cost one document when
/// they die. <see cref="PdfParseWire"/> carries the request and the answer across.
/// </summary>
public interface IPdfParseHost
{
    /// <summary>
    /// Parses <paramref name="pdf"/> (sniffed already: a <c>%PDF-</c> header, within the byte limit) under
    /// <paramref name="options"/> (whose <see cref="PdfOptions.Host"/> is null). Never throws for bad input: a parse
    /// that dies, runs past <see cref="PdfOptions.MaxTime"/> or over the memory limit is a reject
    /// (<see cref="PdfRejectReasons.Crashed"/>, <see cref="PdfRejectReasons.Timeout"/>, <see cref="PdfRejectReasons.Memory"/>).
    /// </summary>
    PdfExtraction Parse(ReadOnlyMemory<byte> pdf, PdfOptions options, CancellationToken ct);
}
