namespace Corpus.Ingest.Pdf;

/// <summary>A page's blocks in reading order, and what scan detection needs to know.</summary>
/// <param name="Number">1-based page number.</param>
/// <param name="Blocks">Blocks in reading order.</param>
/// <param name="Letters">Non-blank letters on the page.</param>
/// <param name="Transcribed">The text came from an <see cref="IPageTranscriber"/>, not from the page's letters.</param>
internal sealed record PageLayout(int Number, IReadOnlyList<PdfBlock> Blocks, int Letters, bool Transcribed = false);
