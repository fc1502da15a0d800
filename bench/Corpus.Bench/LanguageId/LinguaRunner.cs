using Lingua;

namespace Corpus.Bench.LanguageId;

/// <summary>
/// Lingua (NuGet SearchPioneer.Lingua 2.0.0) in process: every language it has, high-accuracy mode
/// (low-accuracy mode off), models loaded before timing starts.
/// </summary>
internal sealed class LinguaRunner : ILanguageIdRunner
{
    private readonly LanguageDetector _detector =
        LanguageDetectorBuilder.FromAllLanguages().WithPreloadedLanguageModels().Build();

    public LinguaRunner()
    {
        SupportedLabels = _detector.Languages
            .SelectMany(language => LabelsOf(LanguageOf(language)))
            .ToHashSet(StringComparer.Ordinal);
    }

    public string Name => "Lingua";

    public string Description => $"NuGet SearchPioneer.Lingua 2.0.0, all {_detector.Languages.Count} languages, high-accuracy mode, DetectLanguageOf(line)";

    public IReadOnlySet<string> SupportedLabels { get; }

    public IReadOnlyList<string> Predict(IReadOnlyList<string> lines)
    {
        var answers = new string[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var detected = _detector.DetectLanguageOf(lines[i]);
            answers[i] = detected == Language.Unknown
                ? "und"
                : LanguageCodeMap.Label(LanguageOf(detected), null, LanguageCodeMap.ScriptsOf(LanguageOf(detected)), ScriptOfText.Of(lines[i]));
        }

        return answers;
    }

    public void Dispose()
    {
    }

    // Lingua names its languages by ISO 639-3 (macro codes where it has them: ara, fas, msa, sqi, aze, ...).
    private static string LanguageOf(Language language) =>
        LanguageCodeMap.LanguageOfIso6393(LanguageInfo.IsoCode6393(language).ToString().ToLowerInvariant());

    private static IEnumerable<string> LabelsOf(string language) => LanguageCodeMap.Labels(language, LanguageCodeMap.ScriptsOf(language));
}
