namespace Corpus.Ingest.Pdf;

/// <summary>
/// Recognizes a table among side-by-side columns of blocks and turns it into rows. Columns are a table when the
/// white space between them is most of their span (their widths add up to under <see cref="MaxInk"/> of it, unlike
/// prose columns) or their lines are short (at most <see cref="MaxCellWords"/> words on average), and at least
/// <see cref="MinAligned"/> of their lines share a baseline with a line of another
/// column. Rows are the lines grouped by baseline, top to bottom, cells left to right, joined by a space.
/// </summary>
internal static class Table
{
    public const double MaxInk = 0.6;

    public const double MinAligned = 0.8;

    /// <summary>Most words per line, on average, of dense columns still taken for a table (prose lines hold many more).</summary>
    public const double MaxCellWords = 3;

    private const double BaselineTolerance = 2;

    public static PdfBlock? TryMerge(List<List<PdfBlock>> columns)
    {
        var lines = columns.SelectMany(c => c.SelectMany(b => b.Lines)).ToList();
        if (lines.Count < 4)
        {
            return null;
        }

        var left = columns.Min(c => c.Min(b => b.Left));
        var right = columns.Max(c => c.Max(b => b.Right));
        var ink = columns.Sum(c => c.Max(b => b.Right) - c.Min(b => b.Left));
        var wordsPerLine = lines.Average(l => l.Text.Count(c => c == ' ') + 1.0);
        if (right <= left || (ink > MaxInk * (right - left) && wordsPerLine > MaxCellWords))
        {
            return null;
        }

        var columnOf = new Dictionary<PdfLine, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < columns.Count; i++)
        {
            foreach (var line in columns[i].SelectMany(b => b.Lines))
            {
                columnOf[line] = i;
            }
        }

        var aligned = lines.Count(l => lines.Any(o => columnOf[o] != columnOf[l] && Math.Abs(o.Bottom - l.Bottom) <= BaselineTolerance));
        if (aligned < MinAligned * lines.Count)
        {
            return null;
        }

        var rows = new List<PdfLine>();
        foreach (var line in lines.OrderByDescending(l => l.Bottom).ThenBy(l => l.Left))
        {
            if (rows.Count > 0 && Math.Abs(rows[^1].Bottom - line.Bottom) <= BaselineTolerance)
            {
                var row = rows[^1];
                rows[^1] = row with
                {
                    Text = row.Text + " " + line.Text,
                    Left = Math.Min(row.Left, line.Left),
                    Right = Math.Max(row.Right, line.Right),
                    Top = Math.Max(row.Top, line.Top),
                };
            }
            else
            {
                rows.Add(line);
            }
        }

        return PdfBlock.Of(rows) with { KeepLines = true };
    }
}
