using System.Collections.Frozen;

namespace Corpus.Filters.Classification;

/// <summary>
/// The fixed list of domains a document is annotated with: <c>general</c>, <c>stem</c>, <c>math</c>,
/// <c>code</c>, <c>reasoning</c>, <c>humanities</c>, <c>news</c>, <c>fiction</c>, <c>other</c>.
/// </summary>
public static class ContentDomains
{
    /// <summary>Every domain, in the order the prompt lists them.</summary>
    public static IReadOnlyList<string> All { get; } = ["general", "stem", "math", "code", "reasoning", "humanities", "news", "fiction", "other"];

    private static readonly FrozenDictionary<string, string> Synonyms = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["science"] = "stem",
        ["sciences"] = "stem",
        ["engineering"] = "stem",
        ["technology"] = "stem",
        ["mathematics"] = "math",
        ["maths"] = "math",
        ["programming"] = "code",
        ["software"] = "code",
        ["source code"] = "code",
        ["logic"] = "reasoning",
        ["history"] = "humanities",
        ["philosophy"] = "humanities",
        ["arts"] = "humanities",
        ["journalism"] = "news",
        ["story"] = "fiction",
        ["literature"] = "fiction",
        ["misc"] = "other",
        ["miscellaneous"] = "other",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The domain a model's word means: one of <see cref="All"/> in any case (<c>STEM</c>), or a close
    /// synonym (<c>mathematics</c>, <c>programming</c>, <c>history</c>); false for anything else.
    /// </summary>
    public static bool TryNormalize(string word, out string domain)
    {
        ArgumentNullException.ThrowIfNull(word);
        var key = word.Trim().Trim('*', '_', '`', '"', '\'', '.', ',', ';', '[', ']', '(', ')').Trim().ToLowerInvariant();
        foreach (var d in All)
        {
            if (key == d)
            {
                domain = d;
                return true;
            }
        }

        if (Synonyms.TryGetValue(key, out var mapped))
        {
            domain = mapped;
            return true;
        }

        domain = string.Empty;
        return false;
    }
}
