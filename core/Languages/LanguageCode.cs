using System.Diagnostics.CodeAnalysis;

namespace Corpus.Core.Languages;

/// <summary>
/// A language in the FLORES-200 / GlotLID form: ISO 639-3 code, underscore, ISO 15924 script,
/// e.g. <c>eng_Latn</c>, <c>cmn_Hans</c>, <c>arb_Arab</c>.
/// </summary>
public readonly record struct LanguageCode
{
    private LanguageCode(string language, string script)
    {
        Language = language;
        Script = script;
    }

    /// <summary>The undetermined language in an unknown script: <c>und_Zzzz</c>.</summary>
    public static LanguageCode Undetermined { get; } = new("und", "Zzzz");

    /// <summary>The ISO 639-3 part, three lower-case letters.</summary>
    public string Language { get; }

    /// <summary>The ISO 15924 part, four letters, the first upper-case.</summary>
    public string Script { get; }

    /// <summary>Parses <c>xxx_Ssss</c>; throws <see cref="FormatException"/> naming the value otherwise.</summary>
    public static LanguageCode Parse(string value)
    {
        if (!TryParse(value, out var code, out var reason))
        {
            throw new FormatException($"'{value}' is not a language code like eng_Latn: {reason}");
        }

        return code;
    }

    /// <summary>Tries to parse <c>xxx_Ssss</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out LanguageCode code) => TryParse(value, out code, out _);

    private static bool TryParse(string? value, out LanguageCode code, out string reason)
    {
        code = default;
        if (value is null || value.Length != 8 || value[3] != '_')
        {
            reason = "expected 3 letters, '_', 4 letters";
            return false;
        }

        for (var i = 0; i < 3; i++)
        {
            if (value[i] is < 'a' or > 'z')
            {
                reason = "the ISO 639-3 part must be three lower-case ASCII letters";
                return false;
            }
        }

        if (value[4] is < 'A' or > 'Z')
        {
            reason = "the ISO 15924 script must start with an upper-case letter";
            return false;
        }

        for (var i = 5; i < 8; i++)
        {
            if (value[i] is < 'a' or > 'z')
            {
                reason = "the ISO 15924 script must be one upper-case then three lower-case letters";
                return false;
            }
        }

        code = new LanguageCode(value[..3], value[4..]);
        reason = string.Empty;
        return true;
    }

    /// <summary>The <c>eng_Latn</c> form; <c>und_Zzzz</c> for a default value.</summary>
    public override string ToString() => Language is null ? "und_Zzzz" : $"{Language}_{Script}";
}
