namespace Corpus.Shards.Reports;

/// <summary>Clusters whose size falls in one bucket, e.g. <c>3–4</c>.</summary>
public sealed record ClusterSizeBucket(string Size, long Clusters);
