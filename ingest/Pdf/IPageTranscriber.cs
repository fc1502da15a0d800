namespace Corpus.Ingest.Pdf;

/// <summary>
/// Reads the text of a page that has no text layer (a scan) from its embedded images, e.g. with a vision model.
/// Called on the extraction's worker thread, once per such page, in page order.
/// </summary>
public interface IPageTranscriber
{
    /// <summary>The page's text, or null when it has none.</summary>
    /// <param name="pageNumber">1-based page number.</param>
    /// <param name="images">The page's images: PNG where PdfPig can decode them, else their raw (still encoded, e.g. JPEG) bytes.</param>
    /// <param name="ct">Cancelled when the document's time limit passes.</param>
    string? Transcribe(int pageNumber, IReadOnlyList<ReadOnlyMemory<byte>> images, CancellationToken ct);
}
