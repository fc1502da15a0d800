namespace Corpus.Ingest.Pdf;

/// <summary>Why a PDF gave no document.</summary>
/// <param name="Reason">One of <see cref="PdfRejectReasons"/>.</param>
/// <param name="Detail">A human-readable detail (the limit hit, the parser's message).</param>
public sealed record PdfReject(string Reason, string Detail);
