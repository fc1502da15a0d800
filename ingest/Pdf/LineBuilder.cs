using UglyToad.PdfPig.Content;

namespace Corpus.Ingest.Pdf;

/// <summary>
/// Horizontal words → lines: words whose vertical centres lie within half a word height of a row's first word share
/// a row; a row is cut at a gap wider than <see cref="MaxGap"/> word heights (a table's cell gap), and at a gap wider
/// than <see cref="GapFactor"/> times the page's median word gap into which few other rows reach with a word (under
/// <see cref="MaxGutterCover"/> of the rows that have words on both sides of it, at least <see cref="MinGutterRows"/>): a column gutter, a vertical white
/// strip down the page (LaTeX's is 10 pt, about three spaces), and not a stretched justified space. Docstrum's line
/// finder joins lone words stacked above one another (a table column) into a "line", so horizontal text uses this.
/// </summary>
internal static class LineBuilder
{
    public const double GapFactor = 1.5;

    public const double MaxGutterCover = 0.2;

    /// <summary>Fewest rows with words on both sides of a gap for it to be taken for a gutter: a gutter runs down the page.</summary>
    public const int MinGutterRows = 6;

    public const double MaxGap = 2.5;

    public static List<PdfLine> Build(IEnumerable<Word> words) => Build(words, TextFrame.Horizontal);

    /// <summary>Lines of words that share an orientation, in the frame where that orientation reads left to right.</summary>
    public static List<PdfLine> Build(IEnumerable<Word> words, TextFrame frame)
    {
        var boxes = words
            .Select(w => (Word: w, Box: frame.Box(w.BoundingBox)))
            .Select(b => (b.Word, b.Box.Left, b.Box.Right, b.Box.Bottom, b.Box.Top, Centre: (b.Box.Bottom + b.Box.Top) / 2, Height: Math.Max(b.Box.Top - b.Box.Bottom, 1)))
            .OrderByDescending(b => b.Centre)
            .ThenBy(b => b.Left)
            .ToList();

        var rows = new List<List<(Word Word, double Left, double Right, double Bottom, double Top, double Centre, double Height)>>();
        var i = 0;
        while (i < boxes.Count)
        {
            var anchor = boxes[i];
            var j = i + 1;
            while (j < boxes.Count && anchor.Centre - boxes[j].Centre < 0.5 * Math.Max(anchor.Height, boxes[j].Height))
            {
                j++;
            }

            rows.Add(boxes.GetRange(i, j - i).OrderBy(b => b.Left).ToList());
            i = j;
        }

        var gaps = rows.SelectMany(r => r.Zip(r.Skip(1), (a, b) => b.Left - a.Right)).Where(g => g > 0).Order().ToList();
        var medianGap = gaps.Count > 0 ? gaps[gaps.Count / 2] : 0;
        var lines = new List<PdfLine>();
        foreach (var row in rows)
        {
            var start = 0;
            for (var k = 1; k <= row.Count; k++)
            {
                if (k == row.Count || IsCut(row[k - 1].Right, row[k].Left, Math.Max(row[k].Height, row[k - 1].Height)))
                {
                    var segment = row.GetRange(start, k - start);
                    var texts = segment.Select(s => LigatureNormalizer.Normalize(BidiLines.WordText(s.Word, frame)).Trim()).Where(t => t.Length > 0).ToList();
                    if (texts.Count > 0)
                    {
                        lines.Add(new PdfLine(BidiLines.JoinLine(texts), segment.Min(s => s.Left), segment.Max(s => s.Right), segment.Min(s => s.Bottom), segment.Max(s => s.Top)));
                    }

                    start = k;
                }
            }
        }

        return lines;

        bool IsCut(double left, double right, double height)
        {
            var gap = right - left;
            if (gap > MaxGap * height)
            {
                return true;
            }

            // A page of one-word cells has no ordinary spaces to take the median of: a space is under half a word height.
            if (gap <= GapFactor * Math.Min(medianGap, 0.5 * height) || gap <= 0.25 * height)
            {
                return false;
            }

            var middle = (left + right) / 2;
            int covering = 0, spanning = 0;
            foreach (var other in rows)
            {
                if (other.Any(w => w.Right > left + 0.5 && w.Left < right - 0.5))
                {
                    covering++;
                    spanning++;
                }
                else if (other[0].Left < middle && other[^1].Right > middle)
                {
                    spanning++;
                }
            }

            return spanning >= MinGutterRows && covering < MaxGutterCover * spanning;
        }
    }
}
