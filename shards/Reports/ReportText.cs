namespace Corpus.Shards.Reports;

/// <summary>The words both renderers use: section titles and what an empty section says.</summary>
internal static class ReportText
{
    public const string AllEligible = "none set";
    public const string NoStages = "no stages in this build";
    public const string NoLanguages = "no languages in this build";
    public const string NoQwen3 = "no Qwen3 coverage in this report";
    public const string NoDomains = "no domain data in this build";

    public const string NoProgrammingLanguages = "no code documents with an identified programming language in this build";
    public const string NoMixtureChecks = "no mixture targets configured for this stage";
    public const string NoCorpusData = "no data in this corpus";
    public const string NoFunnel = "no filter steps recorded in this build";
    public const string NoRejects = "no rejected documents in this build";
    public const string NoDedup = "no near-duplicate clusters in this build";
    public const string NoSynthetic = "no synthetic data in this build";
    public const string NoLengths = "no documents in this stage";
    public const string Other = "other";
    public const string Met = "\u2713";
    public const string NotMet = "\u2717";

    /// <summary>The note shown for a mixture check: the caller's, or <see cref="NoCorpusData"/> when the corpus has none of the group.</summary>
    public static string Note(MixtureCheck check) =>
        check.AvailableTokens == 0 && !check.Note.Contains("no data", StringComparison.OrdinalIgnoreCase)
            ? (check.Note.Length == 0 ? NoCorpusData : NoCorpusData + "; " + check.Note)
            : check.Note;

    /// <summary>The stage's budget in words.</summary>
    public static string Budget(long? budget) => budget is { } b ? ReportFormat.Count(b) : AllEligible;

    /// <summary>A language's documents over all stages.</summary>
    public static long Documents(LanguageRow row) => row.Stages.Sum(s => s.Documents);

    /// <summary>A language's tokens over all stages.</summary>
    public static long Tokens(LanguageRow row) => row.Stages.Sum(s => s.Tokens);

    /// <summary>The row's count for <paramref name="stage"/>, or null when it has none.</summary>
    public static StageCount? InStage(LanguageRow row, string stage) =>
        row.Stages.FirstOrDefault(s => string.Equals(s.Stage, stage, StringComparison.Ordinal));
}
