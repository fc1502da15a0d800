using System.Text.RegularExpressions;

namespace Corpus.Filters.Quality;

/// <summary>Gopher repetition (datatrove's GopherRepetitionFilter): duplicated lines, paragraphs and n-grams.</summary>
internal static partial class RepetitionRules
{
    public static void Check(string text, List<string> words, GopherRepetitionOptions o, RuleCheck check)
    {
        var length = Math.Max(text.Length, 1);
        var paragraphs = ParagraphBreak().Split(text.Trim());
        var (dupParas, dupParaChars) = DuplicateStats(paragraphs);
        check.Record("dup_para_frac", (double)dupParas / paragraphs.Length, o.MaxDuplicateParagraphFraction,
            (double)dupParas / paragraphs.Length > o.MaxDuplicateParagraphFraction);
        check.Record("dup_para_char_frac", (double)dupParaChars / length, o.MaxDuplicateParagraphCharFraction,
            (double)dupParaChars / length > o.MaxDuplicateParagraphCharFraction);

        var lines = LineBreak().Split(text);
        var (dupLines, dupLineChars) = DuplicateStats(lines);
        check.Record("dup_line_frac", (double)dupLines / lines.Length, o.MaxDuplicateLineFraction,
            (double)dupLines / lines.Length > o.MaxDuplicateLineFraction);
        check.Record("dup_line_char_frac", (double)dupLineChars / length, o.MaxDuplicateLineCharFraction,
            (double)dupLineChars / length > o.MaxDuplicateLineCharFraction);

        foreach (var (n, max) in o.TopNGrams)
        {
            if (words.Count < n)
            {
                continue;
            }

            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            string? top = null;
            var topCount = 0;
            for (var i = 0; i + n <= words.Count; i++)
            {
                var gram = string.Join(' ', words.GetRange(i, n));
                var c = counts[gram] = counts.GetValueOrDefault(gram) + 1;
                if (c > topCount)
                {
                    (top, topCount) = (gram, c);
                }
            }

            var fraction = (double)(top!.Length * topCount) / length;
            check.Record($"top_{n}_gram", fraction, max, fraction > max);
        }

        foreach (var (n, max) in o.DuplicatedNGrams)
        {
            var fraction = (double)RepeatedChars(words, n) / length;
            check.Record($"duplicated_{n}_n_grams", fraction, max, fraction > max);
        }
    }

    /// <summary>How many elements repeat an earlier one, and their characters.</summary>
    internal static (int Elements, int Chars) DuplicateStats(IEnumerable<string> elements)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var (count, chars) = (0, 0);
        foreach (var e in elements)
        {
            if (!seen.Add(e))
            {
                count++;
                chars += e.Length;
            }
        }

        return (count, chars);
    }

    /// <summary>Characters of n-grams that repeat an earlier one, skipping past each repeat so no character counts twice.</summary>
    private static int RepeatedChars(List<string> words, int n)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeated = 0;
        var i = 0;
        while (i + n <= words.Count)
        {
            var gram = string.Concat(words.GetRange(i, n));
            if (seen.Add(gram))
            {
                i++;
            }
            else
            {
                repeated += gram.Length;
                i += n;
            }
        }

        return repeated;
    }

    [GeneratedRegex(@"\n{2,}")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\n+")]
    private static partial Regex LineBreak();
}
