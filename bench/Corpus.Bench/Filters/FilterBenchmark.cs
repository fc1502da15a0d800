using System.Diagnostics;
using System.Globalization;
using Corpus.Core.Languages;
using Corpus.Filters.Quality;
using Corpus.Tests.Shared;

namespace Corpus.Bench.Filters;

/// <summary>
/// Quality-filter throughput on 2 KB documents cut from the UDHR translations, single thread:
/// corpus's <see cref="QualityFilter"/> (all rule groups) beside an anchor in the same run: the
/// Gopher quality rules written the plain way datatrove writes them (split into words, LINQ over
/// lists), which do a fraction of the work. Prints docs/s, MB/s and the ratio.
/// </summary>
internal static class FilterBenchmark
{
    public static int Run(int documents, int rounds)
    {
        var texts = Documents(documents);
        var mb = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t)) / 1e6;
        var filter = QualityFilter.Create();
        var english = LanguageCode.Parse("eng_Latn");
        var ours = Best(rounds, () => texts.Count(t => filter.Evaluate(t, english).Kept));
        var anchor = Best(rounds, () => texts.Count(PlainGopherQuality));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"quality filter, {texts.Count:N0} docs of ~2 KB ({mb:F1} MB), single thread, best of {rounds}, {DateTime.UtcNow:yyyy-MM-dd}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus QualityFilter (Gopher quality + repetition, C4, FineWeb): {texts.Count / ours:N0} docs/s, {mb / ours:F2} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"anchor, plain Gopher quality rules only:                     {texts.Count / anchor:N0} docs/s, {mb / anchor:F2} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio (corpus all rules / anchor one group): {anchor / ours:F2}x"));
        return 0;
    }

    private static List<string> Documents(int count)
    {
        var pool = RepoData.UdhrTranslations.Select(t => t.Text).Where(t => t.Length > 2048).ToList();
        var list = new List<string>(count);
        for (var i = 0; list.Count < count; i++)
        {
            var text = pool[i % pool.Count];
            var start = (i / pool.Count * 512) % Math.Max(1, text.Length - 2048);
            list.Add(text.Substring(start, Math.Min(2048, text.Length - start)));
        }

        return list;
    }

    private static double Best(int rounds, Func<int> work)
    {
        work();
        var best = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            work();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static readonly string[] StopWords = ["the", "be", "to", "of", "and", "that", "have", "with"];

    /// <summary>datatrove's GopherQualityFilter as plainly written: word lists, LINQ, a split per line.</summary>
    private static bool PlainGopherQuality(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var nonSymbol = words.Where(w => w.Any(char.IsLetterOrDigit)).ToList();
        if (nonSymbol.Count is < 50 or > 100_000)
        {
            return false;
        }

        var mean = nonSymbol.Average(w => w.Length);
        if (mean is < 3 or > 10)
        {
            return false;
        }

        if ((words.Count(w => w == "#") + words.Count(w => w is "..." or "…")) / (double)words.Length > 0.1)
        {
            return false;
        }

        var lines = text.Split('\n');
        if (lines.Count(l => l.TrimStart().StartsWith('•') || l.TrimStart().StartsWith('-')) / (double)lines.Length > 0.9)
        {
            return false;
        }

        if (lines.Count(l => l.TrimEnd().EndsWith("...", StringComparison.Ordinal) || l.TrimEnd().EndsWith('…')) / (double)lines.Length > 0.3)
        {
            return false;
        }

        if (words.Count(w => w.Any(char.IsLetter)) / (double)words.Length < 0.8)
        {
            return false;
        }

        return words.Count(w => StopWords.Contains(w.ToLowerInvariant())) >= 2;
    }
}
