using System.Globalization;
using System.Text.Json;
using Corpus.Ingest.Html;

namespace Corpus.Bench.Html;

/// <summary>
/// Scores <see cref="MainContentExtractor"/> on scrapinghub's article-extraction-benchmark the way its
/// <c>evaluate.py</c> does: tokens are the whitespace-split words of the text; per page, the true positives
/// are the tokens the extracted text shares with <c>articleBody</c> (as multisets), the rest of the
/// extracted tokens are false positives and the rest of the ground truth false negatives; precision,
/// recall and F1 over the sums of all pages.
/// </summary>
internal static class ArticleBodyEvaluation
{
    public static int Run(string folder)
    {
        var truthPath = Path.Combine(folder, "ground-truth.json");
        if (!File.Exists(truthPath))
        {
            Console.Error.WriteLine($"eval-articles: no ground-truth.json in {folder}");
            return 1;
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(truthPath));
        long tp = 0, fp = 0, fn = 0;
        var pages = 0;
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            var path = Path.Combine(folder, "html", entry.Name + ".html.gz");
            if (!File.Exists(path))
            {
                continue;
            }

            var truth = entry.Value.TryGetProperty("articleBody", out var body) ? body.GetString() ?? string.Empty : string.Empty;
            var url = entry.Value.TryGetProperty("url", out var u) ? u.GetString() : null;
            var text = MainContentExtractor.Extract(EvalPages.Decode(EvalPages.ReadGzip(path)), url).Text;
            var (pageTp, pageFp, pageFn) = Match(Tokens(truth), Tokens(text));
            tp += pageTp;
            fp += pageFp;
            fn += pageFn;
            pages++;
        }

        var precision = (double)tp / Math.Max(1, tp + fp);
        var recall = (double)tp / Math.Max(1, tp + fn);
        var f1 = 2 * precision * recall / Math.Max(1e-9, precision + recall);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"eval-articles {DateTime.UtcNow:yyyy-MM-dd}: {pages} pages, token tp {tp} fp {fp} fn {fn}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision {precision:F3}  recall {recall:F3}  F1 {f1:F3}"));
        return 0;
    }

    /// <summary>Whitespace-split words, counted.</summary>
    internal static Dictionary<string, int> Tokens(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        return counts;
    }

    /// <summary>Shared tokens (multiset intersection), extracted-only tokens, truth-only tokens.</summary>
    internal static (long Tp, long Fp, long Fn) Match(Dictionary<string, int> truth, Dictionary<string, int> predicted)
    {
        long tp = 0, truthTotal = 0, predictedTotal = 0;
        foreach (var (token, count) in truth)
        {
            truthTotal += count;
            tp += Math.Min(count, predicted.GetValueOrDefault(token));
        }

        foreach (var count in predicted.Values)
        {
            predictedTotal += count;
        }

        return (tp, predictedTotal - tp, truthTotal - tp);
    }
}
