namespace Corpus.Shards.Reports;

/// <summary>One Qwen3 language in the build.</summary>
/// <param name="Code">The language code, e.g. <c>eng_Latn</c>.</param>
/// <param name="Name">Its English name.</param>
/// <param name="Present">Whether the build has any tokens of it.</param>
/// <param name="Tokens">Its tokens over all stages.</param>
/// <param name="Share">Its share of all tokens (0..1).</param>
/// <param name="TargetTokens">The tokens it should have.</param>
/// <param name="Met">Whether <paramref name="Tokens"/> reached <paramref name="TargetTokens"/>.</param>
public sealed record Qwen3Language(string Code, string Name, bool Present, long Tokens, double Share, long TargetTokens, bool Met);
