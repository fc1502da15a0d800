using Corpus.Core.Languages;

namespace Corpus.Filters.Languages;

/// <summary>How a script's text is cut into words.</summary>
internal enum Segmentation
{
    /// <summary>Whitespace separates words; punctuation at a word's edges is a token of its own.</summary>
    Spaces,

    /// <summary>Han and kana: every character is a word; runs of other letters and digits are words.</summary>
    Characters,

    /// <summary>Thai, Lao, Khmer, Burmese: every grapheme cluster (a base and its marks) is a word.</summary>
    Syllables,
}

/// <summary>One language's quality defaults, in FineWeb-2's manner.</summary>
internal sealed record LanguageProfile(
    string Code,
    Segmentation Segmentation,
    string[] StopWords,
    int MinMeanWordLength,
    int MaxMeanWordLength,
    int MinWords)
{
    /// <summary>Scripts without spaces count stop words as substrings of the text rather than as whole words.</summary>
    public bool StopWordsAreSubstrings => Segmentation == Segmentation.Syllables;

    /// <summary>FineWeb's short-line length: 30 characters where words are spaced, fewer where a character carries more.</summary>
    public int ShortLineLength => Segmentation switch
    {
        Segmentation.Characters => 10,
        Segmentation.Syllables => 20,
        _ => 30,
    };
}

/// <summary>The shipped per-language table (generated) and the fallbacks for languages outside it.</summary>
internal static partial class LanguageTable
{
    // Built on first use: the generated array lives in another file, whose static initializer may run later.
    private static readonly Lazy<Dictionary<string, LanguageProfile>> Index = new(() => Generated.ToDictionary(p => p.Code, StringComparer.Ordinal));

    private static Dictionary<string, LanguageProfile> ByCode => Index.Value;

    /// <summary>datatrove's English defaults, used when the language is unknown.</summary>
    public static LanguageProfile Default => ByCode["eng_Latn"];

    public static IReadOnlyCollection<LanguageProfile> All => Generated;

    public static LanguageProfile For(LanguageCode? language)
    {
        if (language is not { } code || code.Language is null)
        {
            return Default;
        }

        if (ByCode.TryGetValue(code.ToString(), out var profile))
        {
            return profile;
        }

        var segmentation = SegmentationOf(code.Script);
        return segmentation switch
        {
            Segmentation.Characters => new(code.ToString(), segmentation, [], 1, 10, 100),
            Segmentation.Syllables => new(code.ToString(), segmentation, [], 1, 10, 100),
            _ => new(code.ToString(), segmentation, [], 3, 10, 50),
        };
    }

    public static Segmentation SegmentationOf(string script) => script switch
    {
        "Hans" or "Hant" or "Hani" or "Jpan" or "Hira" or "Kana" => Segmentation.Characters,
        "Thai" or "Laoo" or "Khmr" or "Mymr" => Segmentation.Syllables,
        _ => Segmentation.Spaces,
    };
}
