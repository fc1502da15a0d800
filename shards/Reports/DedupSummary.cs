namespace Corpus.Shards.Reports;

/// <summary>Near-duplicate removal.</summary>
/// <param name="Clusters">Clusters of two or more near-duplicates.</param>
/// <param name="DocumentsInClusters">Documents in those clusters.</param>
/// <param name="DocumentsRemoved">Documents removed (all but one per cluster).</param>
/// <param name="LargestCluster">Documents in the largest cluster.</param>
/// <param name="ClusterSizes">Clusters by size bucket, ascending.</param>
public sealed record DedupSummary(long Clusters, long DocumentsInClusters, long DocumentsRemoved, long LargestCluster, IReadOnlyList<ClusterSizeBucket> ClusterSizes);
