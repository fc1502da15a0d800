namespace Corpus.Shards.Packing;

/// <summary>One tokenized document handed to a packer.</summary>
/// <param name="Id">The document's stable id; breaks ties when pieces of equal length are sorted.</param>
/// <param name="Language">Language in the <c>eng_Latn</c> form.</param>
/// <param name="Domain">The domain label, e.g. <c>math</c>, or <c>unknown</c>.</param>
/// <param name="Source">The source kind name, e.g. <c>file</c>, <c>web</c>.</param>
/// <param name="Tokens">Token ids, the end-of-text id already appended as the last one (the caller appends it).</param>
public sealed record PackingDocument(string Id, string Language, string Domain, string Source, ReadOnlyMemory<int> Tokens);
