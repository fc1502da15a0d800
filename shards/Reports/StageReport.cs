namespace Corpus.Shards.Reports;

/// <summary>One pre-training stage (e.g. s1 general 4K, s2 STEM/code/reasoning 4K, s3 long-context 32K).</summary>
/// <param name="Name">The stage name, as in manifest.json (<c>s1</c>).</param>
/// <param name="ContextLength">Tokens per training sequence.</param>
/// <param name="TokenBudget">The configured token budget; null when none is set (the stage takes the most tokens its shares allow, at most its eligible documents).</param>
/// <param name="Tokens">Training tokens in the stage's shards (manifest.json's stage sum).</param>
/// <param name="Documents">Training documents in the stage's shards, counting each copy of an upsampled document.</param>
/// <param name="ValidationDocuments">Documents held out for validation.</param>
/// <param name="ValidationTokens">Tokens held out for validation.</param>
/// <param name="Sequences">Packed training sequences.</param>
/// <param name="PaddingTokens">Padding tokens in the packed sequences.</param>
/// <param name="TruncatedDocuments">Documents cut to fit the context length.</param>
/// <param name="UpsampledDocuments">Documents taken more than once.</param>
/// <param name="UpsampledTokens">Tokens of the extra copies.</param>
/// <param name="DownsampledDocuments">Eligible documents not taken.</param>
/// <param name="DownsampledTokens">Tokens of the eligible documents not taken.</param>
/// <param name="Eligibility">What makes a document eligible for the stage, in words.</param>
/// <param name="MixtureChecks">Target against measured share per dimension and group.</param>
/// <param name="LengthHistogram">Document lengths in tokens, by bucket, ascending.</param>
public sealed record StageReport(
    string Name,
    long ContextLength,
    long? TokenBudget,
    long Tokens,
    long Documents,
    long ValidationDocuments,
    long ValidationTokens,
    long Sequences,
    long PaddingTokens,
    long TruncatedDocuments,
    long UpsampledDocuments,
    long UpsampledTokens,
    long DownsampledDocuments,
    long DownsampledTokens,
    string Eligibility,
    IReadOnlyList<MixtureCheck> MixtureChecks,
    IReadOnlyList<LengthBucket> LengthHistogram);
