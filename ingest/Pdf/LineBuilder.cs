using UglyToad.PdfPig.Content;

namespace Corpus.Ingest.Pdf;

/// <summary>
/// Horizontal words → lines: words whose vertical centres lie within half a word height of a row's first word share
/// a row; a row is cut where the gap between neighbours exceeds <see cref="MaxGap"/> word heights (a column gutter or
/// a table's cell gap, much wider than a justified space). Docstrum's line finder joins lone words stacked above one
/// another (a table column) into a "line", so horizontal text uses this instead.
/// </summary>
internal static class LineBuilder
{
    public const double MaxGap = 1.5;

    public static List<PdfLine> Build(IEnumerable<Word> words)
    {
        var boxes = words
            .Select(w => (Word: w, Left: Math.Min(w.BoundingBox.Left, w.BoundingBox.Right), Right: Math.Max(w.BoundingBox.Left, w.BoundingBox.Right),
                Bottom: Math.Min(w.BoundingBox.Bottom, w.BoundingBox.Top), Top: Math.Max(w.BoundingBox.Bottom, w.BoundingBox.Top)))
            .Select(b => (b.Word, b.Left, b.Right, b.Bottom, b.Top, Centre: (b.Bottom + b.Top) / 2, Height: Math.Max(b.Top - b.Bottom, 1)))
            .OrderByDescending(b => b.Centre)
            .ThenBy(b => b.Left)
            .ToList();

        var lines = new List<PdfLine>();
        var i = 0;
        while (i < boxes.Count)
        {
            var anchor = boxes[i];
            var j = i + 1;
            while (j < boxes.Count && anchor.Centre - boxes[j].Centre < 0.5 * Math.Max(anchor.Height, boxes[j].Height))
            {
                j++;
            }

            var row = boxes.GetRange(i, j - i).OrderBy(b => b.Left).ToList();
            var start = 0;
            for (var k = 1; k <= row.Count; k++)
            {
                if (k == row.Count || row[k].Left - row[k - 1].Right > MaxGap * Math.Max(row[k].Height, row[k - 1].Height))
                {
                    var segment = row.GetRange(start, k - start);
                    var texts = segment.Select(s => LigatureNormalizer.Normalize(BidiLines.WordText(s.Word)).Trim()).Where(t => t.Length > 0).ToList();
                    if (texts.Count > 0)
                    {
                        lines.Add(new PdfLine(BidiLines.JoinLine(texts), segment.Min(s => s.Left), segment.Max(s => s.Right), segment.Min(s => s.Bottom), segment.Max(s => s.Top)));
                    }

                    start = k;
                }
            }

            i = j;
        }

        return lines;
    }
}
