namespace Corpus.Shards;

/// <summary>Documents and tokens of one (language, domain, source) combination within a shard.</summary>
/// <param name="Language">Language in the <c>eng_Latn</c> form.</param>
/// <param name="Domain">Domain label.</param>
/// <param name="Source">Source kind name.</param>
/// <param name="Documents">Number of documents.</param>
/// <param name="Tokens">Number of tokens, end-of-text ids included.</param>
public sealed record ShardTokenCount(string Language, string Domain, string Source, long Documents, long Tokens);
