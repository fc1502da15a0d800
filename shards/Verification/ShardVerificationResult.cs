namespace Corpus.Shards.Verification;

/// <summary>What <see cref="ShardVerifier"/> found: no faults means the output is intact.</summary>
/// <param name="Faults">Every fault found, in the order found.</param>
public sealed record ShardVerificationResult(IReadOnlyList<ShardVerificationFault> Faults)
{
    /// <summary>True when no fault was found.</summary>
    public bool IsValid => Faults.Count == 0;
}
