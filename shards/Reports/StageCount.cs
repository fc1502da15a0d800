namespace Corpus.Shards.Reports;

/// <summary>Documents and tokens in one stage.</summary>
public sealed record StageCount(string Stage, long Documents, long Tokens);
