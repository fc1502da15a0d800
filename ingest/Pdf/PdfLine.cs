namespace Corpus.Ingest.Pdf;

/// <summary>One line of text in logical order, with its box in page space (y grows upwards).</summary>
internal sealed record PdfLine(string Text, double Left, double Right, double Bottom, double Top);
