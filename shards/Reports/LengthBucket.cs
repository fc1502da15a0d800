namespace Corpus.Shards.Reports;

/// <summary>One bucket of a stage's document-length histogram.</summary>
/// <param name="Label">The bucket as shown, e.g. <c>1K–2K</c>.</param>
/// <param name="LowerBound">The smallest length in tokens the bucket holds.</param>
/// <param name="Documents">Documents in the bucket.</param>
/// <param name="Tokens">Their tokens.</param>
public sealed record LengthBucket(string Label, long LowerBound, long Documents, long Tokens);
