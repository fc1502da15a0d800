using Corpus.Filters.Languages;

namespace Corpus.Filters.Quality;

/// <summary>Gopher quality (Rae et al. 2021, as datatrove's GopherQualityFilter measures it).</summary>
internal static class GopherRules
{
    public static void Check(string text, TextRanges words, GopherQualityOptions o, LanguageProfile profile, RuleCheck check, QualityScratch scratch)
    {
        var nWords = Math.Max(words.Count, 1);
        var (nonSymbol, runes, alphaWords) = (0, 0L, 0);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words.Slice(text, i);
            if (!WordSegmenter.IsSymbolWord(word))
            {
                nonSymbol++;
                runes += WordSegmenter.LengthInRunes(word);
            }

            if (WordSegmenter.HasLetter(word))
            {
                alphaWords++;
            }
        }

        check.Record("gopher_short_doc", nonSymbol, o.MinWords, nonSymbol < o.MinWords);
        check.Record("gopher_long_doc", nonSymbol, o.MaxWords, nonSymbol > o.MaxWords);

        var mean = nonSymbol == 0 ? 0 : (double)runes / nonSymbol;
        check.Record("gopher_below_avg_threshold", mean, o.MinMeanWordLength, mean < o.MinMeanWordLength);
        check.Record("gopher_above_avg_threshold", mean, o.MaxMeanWordLength, mean > o.MaxMeanWordLength);

        var span = text.AsSpan();
        var hashes = (double)span.Count('#') / nWords;
        check.Record("gopher_too_many_hashes", hashes, o.MaxSymbolWordRatio, hashes > o.MaxSymbolWordRatio);
        var ellipses = (double)(Occurrences(text, "...") + span.Count('…')) / nWords;
        check.Record("gopher_too_many_ellipsis", ellipses, o.MaxSymbolWordRatio, ellipses > o.MaxSymbolWordRatio);

        var lines = scratch.Pieces;
        lines.SplitOn(span, '\n');
        var (bulletLines, ellipsisLines) = (0, 0);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines.Slice(span, i);
            var start = line.TrimStart();
            if (!start.IsEmpty && start[0] is '•' or '-')
            {
                bulletLines++;
            }

            var end = line.TrimEnd();
            if (end.EndsWith("...", StringComparison.Ordinal) || (!end.IsEmpty && end[^1] == '…'))
            {
                ellipsisLines++;
            }
        }

        var bullets = (double)bulletLines / lines.Count;
        check.Record("gopher_too_many_bullets", bullets, o.MaxBulletLinesRatio, bullets > o.MaxBulletLinesRatio);
        var endEllipsis = (double)ellipsisLines / lines.Count;
        check.Record("gopher_too_many_end_ellipsis", endEllipsis, o.MaxEllipsisLinesRatio, endEllipsis > o.MaxEllipsisLinesRatio);

        var alpha = (double)alphaWords / nWords;
        check.Record("gopher_below_alpha_threshold", alpha, o.MinAlphaWordsRatio, alpha < o.MinAlphaWordsRatio);

        var stop = profile.StopWordsAreSubstrings
            ? o.StopWords.Sum(s => Occurrences(text, s))
            : CountStopWords(text, words, o.StopWords, scratch);
        check.Record("gopher_enough_stop_words", stop, o.MinStopWords, stop < o.MinStopWords);
    }

    /// <summary>Words that are a stop word as written or lower-cased (invariant culture).</summary>
    private static int CountStopWords(string text, TextRanges words, IReadOnlyList<string> stopWords, QualityScratch scratch)
    {
        if (stopWords.Count == 0)
        {
            return 0;
        }

        var set = QualityScratch.StopWordSet(stopWords).GetAlternateLookup<ReadOnlySpan<char>>();
        var n = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words.Slice(text, i);
            if (set.Contains(word))
            {
                n++;
                continue;
            }

            var lower = scratch.Chars(word.Length);
            word.ToLowerInvariant(lower);
            if (set.Contains(lower))
            {
                n++;
            }
        }

        return n;
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
