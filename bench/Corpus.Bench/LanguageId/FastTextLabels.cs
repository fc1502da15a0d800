namespace Corpus.Bench.LanguageId;

/// <summary>
/// A fastText model's labels as corpus labels: <c>__label__xxx_Scrp</c> (corpus's own models, GlotLID)
/// as they are, macrolanguages resolved and a <c>Hani</c> script read as the line's Hans or Hant; bare
/// <c>__label__xx</c> / <c>__label__xxx</c> (lid.176 style) through the ISO 639-1 table CLD3 uses and the
/// ISO 639-3 table, the script from the line.
/// </summary>
internal static class FastTextLabels
{
    private const string Prefix = "__label__";

    /// <summary>The labels a model label can stand for (Hani: both Han forms).</summary>
    public static IEnumerable<string> Supported(string modelLabel)
    {
        var (language, script) = Parse(modelLabel);
        return LanguageCodeMap.Labels(language, script is null ? LanguageCodeMap.ScriptsOf(language) : [script]);
    }

    /// <summary>A model's answer for <paramref name="line"/> as a corpus label.</summary>
    public static string ToLabel(string modelLabel, string line)
    {
        var (language, script) = Parse(modelLabel);
        return LanguageCodeMap.Label(language, script, LanguageCodeMap.ScriptsOf(language), ScriptOfText.Of(line));
    }

    private static (string Language, string? Script) Parse(string modelLabel)
    {
        var code = modelLabel.StartsWith(Prefix, StringComparison.Ordinal) ? modelLabel[Prefix.Length..] : modelLabel;
        var parts = code.Split('_');
        return parts switch
        {
            [{ Length: 3 } language, "Hani"] => (LanguageCodeMap.LanguageOfIso6393(language), null),
            [{ Length: 3 } language, { Length: 4 } script] => (LanguageCodeMap.LanguageOfModelLabel(language), script),
            [{ Length: 2 } language] => LanguageCodeMap.FromCld3(language),
            [{ Length: 3 } language] => (LanguageCodeMap.LanguageOfIso6393(language), null),
            _ => throw new InvalidOperationException($"fastText label '{modelLabel}' is neither xxx_Scrp nor an ISO 639 code"),
        };
    }
}
