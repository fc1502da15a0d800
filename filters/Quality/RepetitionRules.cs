using System.Runtime.InteropServices;
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

        if (o.TopNGrams.Count == 0 && o.DuplicatedNGrams.Count == 0)
        {
            return;
        }

        // Words become ids and n-grams are compared as id sequences: no n-gram string is ever built.
        var ids = new int[words.Count];
        var prefix = new int[words.Count + 1]; // prefix[i]: characters in words[0..i)
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            ids[i] = vocabulary.TryGetValue(words[i], out var id) ? id : vocabulary[words[i]] = vocabulary.Count;
            prefix[i + 1] = prefix[i] + words[i].Length;
        }

        foreach (var (n, max) in o.TopNGrams)
        {
            if (words.Count < n)
            {
                continue;
            }

            // Keys are first positions; the most frequent n-gram wins, the earliest on a tie (as Counter.most_common does).
            var counts = new Dictionary<int, int>(new NGramComparer(ids, n));
            for (var i = 0; i + n <= words.Count; i++)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(counts, i, out _)++;
            }

            var (top, topCount) = (0, 0);
            foreach (var (first, count) in counts)
            {
                if (count > topCount || (count == topCount && first < top))
                {
                    (top, topCount) = (first, count);
                }
            }

            // The n-gram as datatrove measures it: words joined by single spaces.
            var gramLength = prefix[top + n] - prefix[top] + n - 1;
            var fraction = (double)gramLength * topCount / length;
            check.Record($"top_{n}_gram", fraction, max, fraction > max);
        }

        foreach (var (n, max) in o.DuplicatedNGrams)
        {
            var fraction = (double)RepeatedChars(ids, prefix, n) / length;
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

    /// <summary>Characters of n-grams (words joined without a separator) that repeat an earlier one, skipping past each repeat so no character counts twice.</summary>
    private static int RepeatedChars(int[] ids, int[] prefix, int n)
    {
        var seen = new HashSet<int>(new NGramComparer(ids, n));
        var repeated = 0;
        var i = 0;
        while (i + n <= ids.Length)
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

    /// <summary>Compares the n-grams starting at two positions by their word ids.</summary>
    private sealed class NGramComparer(int[] ids, int n) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => ids.AsSpan(x, n).SequenceEqual(ids.AsSpan(y, n));

        public int GetHashCode(int position)
        {
            var hash = new HashCode();
            foreach (var id in ids.AsSpan(position, n))
            {
                hash.Add(id);
            }

            return hash.ToHashCode();
        }
    }

    [GeneratedRegex(@"\n{2,}")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\n+")]
    private static partial Regex LineBreak();
}
