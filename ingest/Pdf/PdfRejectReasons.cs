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

    /// <summary>The process that parsed it died (a stack overflow, a native crash, a signal); the detail names the exit code or signal.</summary>
    public const string Crashed = "crashed";

    /// <summary>The parse went over the parse process's memory limit.</summary>
    public const string Memory = "memory";
}
