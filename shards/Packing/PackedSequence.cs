namespace Corpus.Shards.Packing;

/// <summary>
/// One fixed-length training sequence: the token ids of one or more segments back to back, then
/// padding. Segment <c>i</c> is <c>Tokens[CuSeqlens[i]..CuSeqlens[i + 1]]</c>; the padding after the
/// last boundary is not a segment.
/// </summary>
/// <param name="Tokens">Exactly the context length: the segments, then <see cref="Padding"/> pad ids.</param>
/// <param name="CuSeqlens">Segment boundaries: 0, end of segment 1, …, end of the last segment (= context length − padding).</param>
/// <param name="DocumentIds">Per segment: the id of the document it comes from.</param>
/// <param name="ChunkIndexes">Per segment: which piece of its document it is, 0 for the first (or a whole document).</param>
/// <param name="Languages">Per segment: its document's language.</param>
/// <param name="Domains">Per segment: its document's domain.</param>
/// <param name="Sources">Per segment: its document's source.</param>
/// <param name="Padding">Pad ids at the end of <see cref="Tokens"/>.</param>
public sealed record PackedSequence(
    int[] Tokens,
    int[] CuSeqlens,
    string[] DocumentIds,
    int[] ChunkIndexes,
    string[] Languages,
    string[] Domains,
    string[] Sources,
    int Padding)
{
    /// <summary>Segments in the sequence.</summary>
    public int SegmentCount => DocumentIds.Length;

    /// <summary>Tokens that are not padding.</summary>
    public int RealTokens => Tokens.Length - Padding;
}
