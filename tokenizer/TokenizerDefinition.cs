namespace Corpus.Tokenizer;

/// <summary>What <see cref="TokenizerJson"/> reads from a tokenizer.json, checked and resolved to ids.</summary>
internal sealed record TokenizerDefinition(
    string SplitPattern,
    bool NormalizeNfc,
    string?[] IdToToken,
    int[] ByteToId,
    MergeTable Merges,
    IReadOnlyList<AddedToken> AddedTokens);
