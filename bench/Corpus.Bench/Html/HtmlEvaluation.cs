using System.Globalization;
using System.Text;
using Corpus.Ingest.Html;

namespace Corpus.Bench.Html;

/// <summary>
/// Scores <see cref="MainContentExtractor"/> the way trafilatura's own evaluation does: each "with" snippet
/// found in the extracted text is a true positive (else a false negative), each "without" snippet found is a
/// false positive (else a true negative); precision, recall, F1 and accuracy over all pages. Whitespace is
/// collapsed on both sides before matching.
/// </summary>
internal static class HtmlEvaluation
{
    public static int Run(string folder, bool verbose)
    {
        var pages = EvalPages.Load(folder);
        int tp = 0, fn = 0, fp = 0, tn = 0;
        foreach (var page in pages)
        {
            var text = Normalize(MainContentExtractor.Extract(page.Html, page.Url).Text);
            foreach (var snippet in page.With)
            {
                if (text.Contains(Normalize(snippet), StringComparison.Ordinal))
                {
                    tp++;
                }
                else
                {
                    fn++;
                    if (verbose)
                    {
                        Console.WriteLine($"MISSING  {page.File}: {snippet}");
                    }
                }
            }

            foreach (var snippet in page.Without)
            {
                if (text.Contains(Normalize(snippet), StringComparison.Ordinal))
                {
                    fp++;
                    if (verbose)
                    {
                        Console.WriteLine($"UNWANTED {page.File}: {snippet}");
                    }
                }
                else
                {
                    tn++;
                }
            }
        }

        var precision = (double)tp / Math.Max(1, tp + fp);
        var recall = (double)tp / Math.Max(1, tp + fn);
        var f1 = 2 * precision * recall / Math.Max(1e-9, precision + recall);
        var accuracy = (double)(tp + tn) / Math.Max(1, tp + tn + fp + fn);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"eval-html {DateTime.UtcNow:yyyy-MM-dd}: {pages.Count} pages, tp {tp} fn {fn} fp {fp} tn {tn}"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"precision {precision:F3}  recall {recall:F3}  F1 {f1:F3}  accuracy {accuracy:F3}"));
        return 0;
    }

    /// <summary>Every whitespace run as one space, trimmed.</summary>
    internal static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
            }
            else
            {
                if (space)
                {
                    sb.Append(' ');
                }

                space = false;
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
