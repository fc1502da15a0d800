using System.Text.RegularExpressions;

namespace Corpus.Filters.Languages.Training;

/// <summary>Words of a text and how many of them a vocabulary has: tells English text inside another language's source.</summary>
internal static partial class Vocabulary
{
    /// <summary>The lower-cased words (runs of letters) of a text.</summary>
    public static IEnumerable<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant());

    /// <summary>Whether at least half of a text's words are in <paramref name="vocabulary"/> (for English: a paragraph not yet translated).</summary>
    public static bool IsMostlyFrom(string text, IReadOnlySet<string> vocabulary)
    {
        var words = 0;
        var known = 0;
        foreach (var w in Words(text))
        {
            words++;
            known += vocabulary.Contains(w) ? 1 : 0;
        }

        return words > 0 && known * 2 >= words;
    }

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
