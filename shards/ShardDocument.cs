namespace Corpus.Shards;

/// <summary>
/// One tokenized document handed to a <see cref="ShardSetWriter"/>.
/// </summary>
/// <param name="Id">The document's stable id (hex).</param>
/// <param name="Language">Language in the <c>eng_Latn</c> form.</param>
/// <param name="Source">The source kind name, e.g. <c>file</c>, <c>web</c>, <c>synthetic</c>.</param>
/// <param name="Domain">The domain label, e.g. <c>math</c>, or <c>unknown</c>.</param>
/// <param name="Tokens">Token ids, the end-of-text id already appended as the last one.</param>
public sealed record ShardDocument(string Id, string Language, string Source, string Domain, ReadOnlyMemory<int> Tokens);
