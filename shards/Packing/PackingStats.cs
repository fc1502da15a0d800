namespace Corpus.Shards.Packing;

/// <summary>What a packer has done so far.</summary>
/// <param name="Sequences">Sequences emitted.</param>
/// <param name="RealTokens">Document tokens in the emitted sequences.</param>
/// <param name="PaddingTokens">Pad ids in the emitted sequences.</param>
/// <param name="Documents">Documents added.</param>
/// <param name="DocumentsTruncated">Documents split over more than one sequence.</param>
/// <param name="Pieces">Segments in the emitted sequences (a whole document or one piece of a split one).</param>
public sealed record PackingStats(long Sequences, long RealTokens, long PaddingTokens, long Documents, long DocumentsTruncated, long Pieces)
{
    /// <summary>Share of documents split over more than one sequence (0 when none were added).</summary>
    public double TruncatedShare => Documents == 0 ? 0 : (double)DocumentsTruncated / Documents;

    /// <summary>Share of the emitted tokens that are padding (0 when nothing was emitted).</summary>
    public double PaddingShare => RealTokens + PaddingTokens == 0 ? 0 : (double)PaddingTokens / (RealTokens + PaddingTokens);
}
