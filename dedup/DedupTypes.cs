using System.Collections.Immutable;

namespace Corpus.Dedup;

/// <summary>Settings of exact and MinHash LSH deduplication; the defaults are FineWeb's.</summary>
public sealed record DedupOptions
{
    /// <summary>Words per shingle for text written with spaces.</summary>
    public int ShingleWords { get; init; } = 5;

    /// <summary>Characters per shingle for scripts written without spaces (CJK, Thai, Lao, Khmer, Burmese, Tibetan).</summary>
    public int ShingleCharacters { get; init; } = 5;

    /// <summary>LSH bands; the signature has <see cref="Bands"/> × <see cref="RowsPerBand"/> hashes.</summary>
    public int Bands { get; init; } = 14;

    /// <summary>Hashes per band.</summary>
    public int RowsPerBand { get; init; } = 8;

    /// <summary>Seed of the hash family; the same seed gives the same signatures everywhere.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// Candidate pairs whose signatures agree on fewer than this fraction of hashes are not merged
    /// (estimated Jaccard similarity); 0 merges every candidate pair, as FineWeb does.
    /// </summary>
    public double MinSimilarity { get; init; } = 0.7;

    /// <summary>Run fuzzy (MinHash) deduplication; exact deduplication always runs.</summary>
    public bool Fuzzy { get; init; } = true;

    /// <summary>Bucket records held in memory before a sorted run is written (16 bytes each).</summary>
    public int RunRecords { get; init; } = 4 * 1024 * 1024;

    /// <summary>Threads computing signatures; the result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Folder for sorted runs and signatures; a fresh subfolder is made and removed. Default: the system temp folder.</summary>
    public string? TempDirectory { get; init; }
}

/// <summary>One document to deduplicate: its stable id, its text and its quality score (higher is kept).</summary>
public sealed record DedupDocument(string Id, string Text, double QualityScore = 0);

/// <summary>Why a document was removed.</summary>
public enum DedupReason
{
    /// <summary>Kept.</summary>
    None,

    /// <summary>Same normalized text as its cluster's keeper.</summary>
    ExactDuplicate,

    /// <summary>A near duplicate (MinHash LSH) in its cluster.</summary>
    NearDuplicate,
}

/// <summary>The verdict on one document; <see cref="ClusterId"/> is the keeper's id (its own when kept).</summary>
public sealed record DedupDecision(string Id, bool Kept, string ClusterId, DedupReason Reason);

/// <summary>A cluster of two or more duplicates; its id is the keeper's id; members sorted by id, keeper included.</summary>
public sealed record DedupCluster(string KeeperId, ImmutableArray<string> MemberIds);

/// <summary>Decisions in input order and the clusters of two or more documents, sorted by keeper id.</summary>
public sealed record DedupResult(ImmutableArray<DedupDecision> Decisions, ImmutableArray<DedupCluster> Clusters)
{
    /// <summary>Documents removed as exact duplicates.</summary>
    public int ExactDuplicates => Decisions.Count(d => d.Reason == DedupReason.ExactDuplicate);

    /// <summary>Documents removed as near duplicates.</summary>
    public int NearDuplicates => Decisions.Count(d => d.Reason == DedupReason.NearDuplicate);
}
