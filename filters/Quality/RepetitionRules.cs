namespace Corpus.Filters.Quality;

/// <summary>Gopher repetition (datatrove's GopherRepetitionFilter): duplicated lines, paragraphs and n-grams.</summary>
internal static class RepetitionRules
{
    public static void Check(string text, TextRanges words, GopherRepetitionOptions o, RuleCheck check, QualityScratch scratch)
    {
        var length = Math.Max(text.Length, 1);

        // Paragraphs: the trimmed text split at runs of two or more line feeds (Regex.Split(text.Trim(), "\n{2,}")).
        var trimmed = text.AsSpan().Trim();
        var offset = trimmed.IsEmpty ? 0 : text.AsSpan().Length - text.AsSpan().TrimStart().Length;
        var pieces = scratch.Pieces;
        pieces.SplitOnNewlineRuns(trimmed, offset, 2);
        var paragraphs = pieces.Count;
        var (dupParas, dupParaChars) = scratch.Set.DuplicateStats(text, pieces);
        check.Record("dup_para_frac", (double)dupParas / paragraphs, o.MaxDuplicateParagraphFraction,
            (double)dupParas / paragraphs > o.MaxDuplicateParagraphFraction);
        check.Record("dup_para_char_frac", (double)dupParaChars / length, o.MaxDuplicateParagraphCharFraction,
            (double)dupParaChars / length > o.MaxDuplicateParagraphCharFraction);

        // Lines: the text split at runs of line feeds (Regex.Split(text, "\n+")).
        pieces.SplitOnNewlineRuns(text, 0, 1);
        var lines = pieces.Count;
        var (dupLines, dupLineChars) = scratch.Set.DuplicateStats(text, pieces);
        check.Record("dup_line_frac", (double)dupLines / lines, o.MaxDuplicateLineFraction,
            (double)dupLines / lines > o.MaxDuplicateLineFraction);
        check.Record("dup_line_char_frac", (double)dupLineChars / length, o.MaxDuplicateLineCharFraction,
            (double)dupLineChars / length > o.MaxDuplicateLineCharFraction);

        if (o.TopNGrams.Count == 0 && o.DuplicatedNGrams.Count == 0)
        {
            return;
        }

        // Words become ids and n-grams are compared as id sequences: no n-gram string is ever built.
        var count = words.Count;
        var (ids, prefix) = scratch.IdArrays(count);
        prefix[0] = 0; // prefix[i]: characters in words[0..i)
        var vocabulary = scratch.Set;
        vocabulary.Reset(text, count);
        for (var i = 0; i < count; i++)
        {
            ids[i] = vocabulary.GetOrAdd(words.Start(i), words.Length(i), out _);
            prefix[i + 1] = prefix[i] + words.Length(i);
        }

        var grams = scratch.NGrams;
        foreach (var (n, max) in o.TopNGrams)
        {
            if (count < n)
            {
                continue;
            }

            grams.Reset(ids, count, n);
            for (var i = 0; i + n <= count; i++)
            {
                grams.Add(i);
            }

            // The most frequent n-gram, the earliest on a tie, measured as datatrove does: words joined by single spaces.
            var (top, topCount) = grams.Top();
            var gramLength = prefix[top + n] - prefix[top] + n - 1;
            var fraction = (double)gramLength * topCount / length;
            check.Record(TopName(n), fraction, max, fraction > max);
        }

        foreach (var (n, max) in o.DuplicatedNGrams)
        {
            var fraction = (double)RepeatedChars(grams, ids, prefix, count, n) / length;
            check.Record(DuplicatedName(n), fraction, max, fraction > max);
        }
    }

    /// <summary>Characters of n-grams (words joined without a separator) that repeat an earlier one, skipping past each repeat so no character counts twice.</summary>
    private static int RepeatedChars(NGramTable seen, int[] ids, int[] prefix, int count, int n)
    {
        seen.Reset(ids, count, n);
        var repeated = 0;
        var i = 0;
        while (i + n <= count)
        {
            if (seen.Add(i))
            {
                i++;
            }
            else
            {
                repeated += prefix[i + n] - prefix[i];
                i += n;
            }
        }

        return repeated;
    }

    private static readonly string[] TopNames = [.. Enumerable.Range(0, 16).Select(n => $"top_{n}_gram")];
    private static readonly string[] DuplicatedNames = [.. Enumerable.Range(0, 16).Select(n => $"duplicated_{n}_n_grams")];

    private static string TopName(int n) => n < TopNames.Length ? TopNames[n] : $"top_{n}_gram";

    private static string DuplicatedName(int n) => n < DuplicatedNames.Length ? DuplicatedNames[n] : $"duplicated_{n}_n_grams";
}
