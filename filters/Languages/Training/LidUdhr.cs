namespace Corpus.Filters.Languages.Training;

/// <summary>
/// The language-ID rules for UDHR text: which articles are held out, and the label of a translation.
/// </summary>
public static class LidUdhr
{
    /// <summary>Articles whose number is a multiple of 5 (5, 10, ..., 30) are never training text.</summary>
    public static bool IsHeldOut(int? articleNumber) => articleNumber is int n && n % 5 == 0;

    /// <summary>
    /// The label of a UDHR translation: its ISO 639-3 code (macrolanguages resolved as in the Qwen3
    /// table) and the dominant script of its text; Han text is traditional for codes marked
    /// <c>hant</c> and for Cantonese, simplified for codes marked <c>hans</c>, and otherwise the form its
    /// characters show (<see cref="ScriptDetector"/>), simplified when they show none. Null for an undetermined language.
    /// </summary>
    /// <param name="iso6393">The translation's <c>data-iso6393</c>.</param>
    /// <param name="code">The translation's file code, e.g. <c>cmn_hant</c>.</param>
    /// <param name="text">Some of its text.</param>
    public static string? Label(string iso6393, string code, string text)
    {
        if (iso6393.Length != 3 || iso6393 == "und" || !iso6393.All(char.IsAsciiLetterLower))
        {
            return null;
        }

        var script = ScriptDetector.DetectByLetterCount(text);
        if (script == ScriptDetector.Common)
        {
            return null;
        }

        if (script == "Hani")
        {
            // The code names the form (cmn_hans, cmn_hant; Cantonese is labelled traditional), or the text
            // shows it (vie_han, Vietnamese in chữ Nôm, is written with traditional forms).
            var hint = iso6393 == "yue" ? "yue" : code;
            script = hint == "yue" || code.Contains("hans", StringComparison.OrdinalIgnoreCase) || code.Contains("hant", StringComparison.OrdinalIgnoreCase)
                ? LanguageLabels.HanScript(hint)
                : ScriptDetector.Detect(text) == "Hant" ? "Hant" : "Hans";
        }

        return $"{LanguageLabels.FromIso6393(iso6393)}_{script}";
    }
}
