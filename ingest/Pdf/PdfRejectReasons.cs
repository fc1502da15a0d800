namespace Corpus.Ingest.Pdf;

/// <summary>The reasons a <see cref="PdfReject"/> carries.</summary>
public static class PdfRejectReasons
{
    public const string TooLarge = "too-large";
    public const string TooManyPages = "too-many-pages";
    public const string Timeout = "timeout";
    public const string Encrypted = "encrypted";
    public const string NoTextLayer = "no-text-layer";
    public const string Corrupt = "corrupt";
    public const string NotPdf = "not-pdf";
    public const string Empty = "empty";
}
