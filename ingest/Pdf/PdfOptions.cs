namespace Corpus.Ingest.Pdf;

/// <summary>Limits and hooks for <see cref="PdfTextExtractor.Extract"/>. A PDF over a limit is a reject, never a wait.</summary>
public sealed record PdfOptions
{
    /// <summary>Largest file read, in bytes; larger ones are rejects <c>too-large</c>.</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Most pages a document may have; more is a reject <c>too-many-pages</c>.</summary>
    public int MaxPages { get; init; } = 2000;

    /// <summary>Wall-clock limit for one document; past it the parse is abandoned and the file is a reject <c>timeout</c>.</summary>
    public TimeSpan MaxTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Turns the images of a page without a text layer into text; null: such files are rejects <c>no-text-layer</c>.</summary>
    public IPageTranscriber? Transcriber { get; init; }

    /// <summary>Where the parse runs (e.g. a pool of child processes, so that a parse that crashes costs one document); null: on a thread of this process.</summary>
    public IPdfParseHost? Host { get; init; }
}
