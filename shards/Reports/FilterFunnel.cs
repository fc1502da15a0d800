namespace Corpus.Shards.Reports;

/// <summary>The filter funnel: each step in order, and every reject reason.</summary>
public sealed record FilterFunnel(IReadOnlyList<FunnelStep> Steps, IReadOnlyList<RejectCount> Rejects);
