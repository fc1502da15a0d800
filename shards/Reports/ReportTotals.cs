namespace Corpus.Shards.Reports;

/// <summary>Documents and tokens of the whole build (each document counted once).</summary>
public sealed record ReportTotals(long Documents, long Tokens);
