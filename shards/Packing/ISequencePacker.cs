namespace Corpus.Shards.Packing;

/// <summary>
/// Packs documents into fixed-length sequences as they stream in. The same documents in the same
/// order give the same sequences in the same order.
/// </summary>
public interface ISequencePacker
{
    /// <summary>Document tokens held and not yet emitted.</summary>
    long BufferedTokens { get; }

    /// <summary>What the packer has done so far.</summary>
    PackingStats Stats { get; }

    /// <summary>
    /// Adds a document; returns the sequences it completed (often none). The packer holds the
    /// document's token memory (no copy) until the sequences holding it are emitted: do not reuse
    /// that buffer before then.
    /// </summary>
    IReadOnlyList<PackedSequence> Add(PackingDocument document);

    /// <summary>Emits every sequence still held; no document may be added afterwards.</summary>
    IReadOnlyList<PackedSequence> Complete();
}
