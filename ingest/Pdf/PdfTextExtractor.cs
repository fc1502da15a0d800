namespace Corpus.Ingest.Pdf;

/// <summary>
/// Turns a PDF into clean text with PdfPig: reading order across columns, no running headers, footers or page
/// numbers, words broken at line ends repaired, ligatures and presentation forms normalized, right-to-left lines in
/// logical order, paragraphs separated by blank lines. Work per file is bounded (<see cref="PdfOptions"/>); a file over
/// a limit, encrypted, corrupt or without text is a <see cref="PdfReject"/>. Deterministic: the same bytes give the same text.
/// </summary>
public static class PdfTextExtractor
{
    private const int SniffBytes = 1024;

    /// <summary>Parses of this process left running past their time limit (PdfPig cannot be stopped mid-page); a process that hosts parses restarts when this is not zero.</summary>
    public static int AbandonedParses => ParseWorker.Abandoned;

    /// <summary>Extracts one PDF. Never throws for bad input; throws <see cref="OperationCanceledException"/> only when <paramref name="ct"/> is cancelled.</summary>
    public static PdfExtraction Extract(ReadOnlyMemory<byte> pdf, PdfOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (pdf.Length > options.MaxBytes)
        {
            return PdfExtraction.Rejected(PdfRejectReasons.TooLarge, $"{pdf.Length} bytes, over the limit of {options.MaxBytes}");
        }

        var head = pdf.Span[..Math.Min(pdf.Length, SniffBytes)];
        if (head.Trim((ReadOnlySpan<byte>)[0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x00]).IsEmpty && pdf.Length <= SniffBytes)
        {
            return PdfExtraction.Rejected(PdfRejectReasons.Empty, pdf.Length == 0 ? "0 bytes" : "only white space");
        }

        if (head.IndexOf("%PDF-"u8) < 0)
        {
            return PdfExtraction.Rejected(PdfRejectReasons.NotPdf, "no %PDF- header in the first 1024 bytes");
        }

        return options.Host is { } host
            ? host.Parse(pdf, options with { Host = null }, ct)
            : ParseWorker.Run(token => PdfParse.Run(pdf, options, token), PdfParse.Failure, options.MaxTime, ct);
    }
}
