namespace Corpus.Filters.Languages;

/// <summary>Decision rules of <see cref="LanguageIdentifier"/> (see docs/language-id.md).</summary>
public sealed record LanguageIdentifierOptions
{
    /// <summary>Below this score the language is undetermined (<c>und_Zzzz</c>).</summary>
    public double MinScore { get; init; } = 0.5;

    /// <summary>Paragraphs with fewer letters are joined with their neighbours before they are judged.</summary>
    public int MinParagraphLetters { get; init; } = 40;

    /// <summary>Paragraphs longer than this many characters are judged in chunks of about this size.</summary>
    public int MaxChunkLength { get; init; } = 1000;

    /// <summary>A text with fewer letters than this is judged whole, and its score is scaled down by letters / this.</summary>
    public int ShortTextLetters { get; init; } = 20;

    /// <summary>How many of the model's best labels are searched for one whose script fits the paragraph.</summary>
    public int Candidates { get; init; } = 10;

    /// <summary>
    /// Prior weight of the Qwen3 languages against every other label: among a paragraph's candidates the
    /// label with the largest probability × weight wins (1: the model's own ranking). The reported
    /// probability stays the model's. 10 by default: a corpus built for Qwen3's 119 languages expects
    /// them far more often than the 300-odd others the built-in model knows (see docs/language-id.md).
    /// </summary>
    public double Qwen3Weight { get; init; } = 10;

    /// <summary>
    /// A paragraph with at least one of a language's marker characters (<see cref="LanguageMarkers"/>) per this
    /// many letters is that language, when the model has its label and the script fits (0: markers are not
    /// used). 50 by default: a news sentence with one 嘅 is Cantonese, a long Mandarin page with a stray 唔 is not.
    /// </summary>
    public int LettersPerMarker { get; init; } = 50;
}
