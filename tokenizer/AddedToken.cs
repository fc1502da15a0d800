namespace Corpus.Tokenizer;

/// <summary>An entry of tokenizer.json's <c>added_tokens</c>: a string matched whole in raw text.</summary>
internal sealed record AddedToken(int Id, string Content, bool Special, bool Normalized);
