namespace Corpus.Shards.Reports;

/// <summary>
/// The <c>data-key</c> names of the key numbers in <c>index.html</c>, so that a check can find each
/// and compare its <c>data-value</c> with manifest.json (docs/formats.md lists them).
/// </summary>
internal static class ReportDataKeys
{
    public const string TotalDocuments = "totals.documents";
    public const string TotalTokens = "totals.tokens";

    public static string StageDocuments(string stage) => $"stage.{stage}.documents";

    public static string StageTokens(string stage) => $"stage.{stage}.tokens";

    public static string LanguageDocuments(string language) => $"language.{language}.documents";

    public static string LanguageTokens(string language) => $"language.{language}.tokens";

    public static string LanguageStageTokens(string language, string stage) => $"language.{language}.{stage}.tokens";

    public static string Qwen3Tokens(string language) => $"qwen3.{language}.tokens";
}
