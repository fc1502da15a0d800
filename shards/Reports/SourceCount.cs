namespace Corpus.Shards.Reports;

/// <summary>Documents and tokens from one source kind, e.g. <c>web</c>.</summary>
public sealed record SourceCount(string Source, long Documents, long Tokens);
