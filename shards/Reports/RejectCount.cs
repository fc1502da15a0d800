namespace Corpus.Shards.Reports;

/// <summary>Documents rejected in one phase for one reason.</summary>
public sealed record RejectCount(string Phase, string Reason, long Documents);
