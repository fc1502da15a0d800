namespace Corpus.Shards.Packing;

/// <summary>A document or one context-length piece of it, waiting to be placed in a sequence.</summary>
/// <param name="Document">The document the piece comes from.</param>
/// <param name="ChunkIndex">Which piece of the document it is, 0 for the first.</param>
/// <param name="Start">Offset of the piece in the document's tokens.</param>
/// <param name="Length">Tokens in the piece.</param>
/// <param name="Arrival">Order of arrival in the packer; the last tie-break.</param>
internal readonly record struct PackingPiece(PackingDocument Document, int ChunkIndex, int Start, int Length, long Arrival)
{
    public ReadOnlySpan<int> Tokens => Document.Tokens.Span.Slice(Start, Length);
}
