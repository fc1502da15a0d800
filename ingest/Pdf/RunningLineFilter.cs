using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.Ingest.Pdf;

/// <summary>
/// Removes running headers, footers and page numbers. Only lines in a page's edge zone are candidates: the
/// <see cref="EdgeLines"/> highest and lowest line positions of the page. A candidate alone on its row goes when it is a
/// page number ("12", "- 12 -", "Page 12", "12 of 40", "xii"), or when its key (lower case, digits as '#', spaces
/// collapsed) is a candidate on at least <see cref="MinRepeats"/> pages (2 in documents of 2 or 3 pages). A row of several
/// lines (a header with a left and a right part) goes as a whole when every part repeats or is a page number and at
/// least one repeats; otherwise it is kept, as a table row at the page edge is.
/// </summary>
internal static partial class RunningLineFilter
{
    public const int EdgeLines = 2;

    public const int MinRepeats = 3;

    public static IReadOnlyList<PageLayout> Filter(IReadOnlyList<PageLayout> pages)
    {
        var candidates = pages.Select(EdgeCandidates).ToList();
        var pagesWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in candidates)
        {
            foreach (var key in set.Select(c => Key(c.Line.Text)).Distinct(StringComparer.Ordinal))
            {
                pagesWithKey[key] = pagesWithKey.GetValueOrDefault(key) + 1;
            }
        }

        var textPages = pages.Count(p => p.Blocks.Count > 0);
        var minRepeats = textPages >= 4 ? MinRepeats : 2;
        var result = new List<PageLayout>(pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            bool Repeats(PdfLine l) => textPages >= 2 && pagesWithKey.GetValueOrDefault(Key(l.Text)) >= minRepeats;
            var drop = candidates[i]
                .Where(c => c.RowMates.Count == 0
                    ? IsPageNumber(c.Line.Text) || Repeats(c.Line)
                    : c.RowMates.Append(c.Line).All(m => Repeats(m) || IsPageNumber(m.Text)) && c.RowMates.Append(c.Line).Any(Repeats))
                .Select(c => c.Line)
                .ToHashSet(ReferenceEqualityComparer.Instance);
            if (drop.Count == 0)
            {
                result.Add(pages[i]);
                continue;
            }

            var blocks = new List<PdfBlock>();
            foreach (var block in pages[i].Blocks)
            {
                var lines = block.Lines.Where(l => !drop.Contains(l)).ToList();
                if (lines.Count > 0)
                {
                    blocks.Add(PdfBlock.Of(lines) with { KeepLines = block.KeepLines });
                }
            }

            result.Add(pages[i] with { Blocks = blocks });
        }

        return result;
    }

    public static bool IsPageNumber(string text) => PageNumber().IsMatch(text);

    private static List<(PdfLine Line, List<PdfLine> RowMates)> EdgeCandidates(PageLayout page)
    {
        var lines = page.Blocks.SelectMany(b => b.Lines).ToList();
        if (lines.Count == 0 || page.Transcribed)
        {
            return [];
        }

        var tops = lines.Select(l => Math.Round(l.Top)).Distinct().OrderDescending().Take(EdgeLines).ToHashSet();
        var bottoms = lines.Select(l => Math.Round(l.Bottom)).Distinct().Order().Take(EdgeLines).ToHashSet();
        return lines
            .Where(l => tops.Contains(Math.Round(l.Top)) || bottoms.Contains(Math.Round(l.Bottom)))
            .Select(l => (l, lines.Where(o => !ReferenceEquals(o, l) && o.Bottom < l.Top && l.Bottom < o.Top).ToList()))
            .ToList();
    }

    private static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(char.IsDigit(c) ? '#' : char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^\s*(?:page\s+|p\.\s*|seite\s+|[-–—]\s*)?(?:\d{1,5}|[ivxlcdm]{1,7})(?:\s*(?:/|of|von|de)\s*\d{1,5})?\s*[-–—]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();
}
