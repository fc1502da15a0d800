namespace Corpus.Shards.Manifests;

/// <summary>Documents and tokens of the whole build, each document counted once (not once per format).</summary>
/// <param name="Documents">Number of documents.</param>
/// <param name="Tokens">Number of tokens.</param>
public sealed record ManifestTotals(long Documents, long Tokens);
