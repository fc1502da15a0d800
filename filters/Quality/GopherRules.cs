using Corpus.Filters.Languages;

namespace Corpus.Filters.Quality;

/// <summary>Gopher quality (Rae et al. 2021, as datatrove's GopherQualityFilter measures it).</summary>
internal static class GopherRules
{
    public static void Check(string text, List<string> words, GopherQualityOptions o, LanguageProfile profile, RuleCheck check)
    {
        var nWords = Math.Max(words.Count, 1);
        var nonSymbol = words.Where(w => !WordSegmenter.IsSymbolWord(w)).ToList();
        check.Record("gopher_short_doc", nonSymbol.Count, o.MinWords, nonSymbol.Count < o.MinWords);
        check.Record("gopher_long_doc", nonSymbol.Count, o.MaxWords, nonSymbol.Count > o.MaxWords);

        var mean = nonSymbol.Count == 0 ? 0 : nonSymbol.Average(WordSegmenter.LengthInRunes);
        check.Record("gopher_below_avg_threshold", mean, o.MinMeanWordLength, mean < o.MinMeanWordLength);
        check.Record("gopher_above_avg_threshold", mean, o.MaxMeanWordLength, mean > o.MaxMeanWordLength);

        var hashes = (double)text.Count(c => c == '#') / nWords;
        check.Record("gopher_too_many_hashes", hashes, o.MaxSymbolWordRatio, hashes > o.MaxSymbolWordRatio);
        var ellipses = (double)(Occurrences(text, "...") + text.Count(c => c == '…')) / nWords;
        check.Record("gopher_too_many_ellipsis", ellipses, o.MaxSymbolWordRatio, ellipses > o.MaxSymbolWordRatio);

        var lines = text.Split('\n');
        var bullets = (double)lines.Count(l => l.TrimStart().StartsWith('•') || l.TrimStart().StartsWith('-')) / lines.Length;
        check.Record("gopher_too_many_bullets", bullets, o.MaxBulletLinesRatio, bullets > o.MaxBulletLinesRatio);
        var endEllipsis = (double)lines.Count(l => l.TrimEnd().EndsWith("...", StringComparison.Ordinal) || l.TrimEnd().EndsWith('…')) / lines.Length;
        check.Record("gopher_too_many_end_ellipsis", endEllipsis, o.MaxEllipsisLinesRatio, endEllipsis > o.MaxEllipsisLinesRatio);

        var alpha = (double)words.Count(WordSegmenter.HasLetter) / nWords;
        check.Record("gopher_below_alpha_threshold", alpha, o.MinAlphaWordsRatio, alpha < o.MinAlphaWordsRatio);

        var stop = profile.StopWordsAreSubstrings
            ? o.StopWords.Sum(s => Occurrences(text, s))
            : CountStopWords(words, o.StopWords);
        check.Record("gopher_enough_stop_words", stop, o.MinStopWords, stop < o.MinStopWords);
    }

    private static int CountStopWords(List<string> words, IReadOnlyList<string> stopWords)
    {
        var set = new HashSet<string>(stopWords, StringComparer.Ordinal);
        return words.Count(w => set.Contains(w) || set.Contains(w.ToLowerInvariant()));
    }

    internal static int Occurrences(string text, string value)
    {
        var n = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
