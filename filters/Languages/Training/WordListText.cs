using System.Globalization;
using System.Text;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// Lines sampled from a word-frequency list: words drawn independently with probability proportional to
/// their counts (a unigram language model) and joined until a line reaches a length drawn between the
/// bounds. Such lines carry a language's characters and short words at their real frequencies, though
/// not its grammar; seeded, so the same list and seed give the same lines.
/// </summary>
public static class WordListText
{
    /// <summary>Reads a <c>word&lt;TAB&gt;count</c> list (other lines, and words counted 0, are skipped) and samples <paramref name="lines"/> lines.</summary>
    public static IReadOnlyList<string> Sample(string path, string separator, int lines, int minLength, int maxLength, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(minLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, minLength);
        var words = new List<string>();
        var cumulative = new List<long>();
        long total = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || !long.TryParse(line.AsSpan(tab + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
            {
                continue;
            }

            total += count;
            words.Add(line[..tab]);
            cumulative.Add(total);
        }

        if (words.Count == 0)
        {
            throw new InvalidDataException($"'{path}' holds no 'word<TAB>count' lines");
        }

        var result = new List<string>(lines);
        var sb = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            var target = random.Next(minLength, maxLength + 1);
            sb.Clear();
            while (sb.Length < target)
            {
                var at = cumulative.BinarySearch(random.NextInt64(total));
                var word = words[at < 0 ? ~at : at + 1];
                if (sb.Length > 0)
                {
                    sb.Append(separator);
                }

                sb.Append(word);
            }

            result.Add(sb.ToString());
        }

        return result;
    }
}
