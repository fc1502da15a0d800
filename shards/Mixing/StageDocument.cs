namespace Corpus.Shards.Mixing;

/// <summary>What mixing knows of a document: its id, labels and token count (end-of-text included).</summary>
public readonly record struct StageDocument(string Id, string Language, string Domain, string Source, long Tokens, double? EduScore);
