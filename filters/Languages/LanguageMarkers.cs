namespace Corpus.Filters.Languages;

/// <summary>
/// Characters that only one language of the built-in model writes, so that a paragraph holding enough of them is
/// that language whatever the model's balance of training text says: written Cantonese's own characters
/// (the particles 嘅 咗 喺 啲 嚟 and the pronouns 佢 哋, 冇 "not have", 嗰 "that", 嘢 "thing", 搵/揾 "look for",
/// 乜 "what", 咁 "so", 唔 "not", 睇 "look", 畀 "give"), which written Mandarin does not use. The model knows
/// Cantonese from a few thousand lines beside Mandarin's hundred thousand, and took Cantonese news for Mandarin
/// when the rest of a sentence is shared vocabulary (docs/language-id.md). A peer does the same: Lingua's
/// rule-based first step names a language from characters unique to it.
/// </summary>
public static class LanguageMarkers
{
    /// <summary>Each language's marker characters, by label.</summary>
    public static IReadOnlyList<(string Label, string Characters)> All { get; } =
    [
        ("yue_Hant", "嘅咗喺佢哋冇啲嚟嗰嘢搵揾乜咁唔睇畀"),
    ];
}
