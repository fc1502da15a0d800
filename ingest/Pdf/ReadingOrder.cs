namespace Corpus.Ingest.Pdf;

/// <summary>
/// Orders a page's blocks by recursive XY-cut on their boxes, columns first: a set of blocks is split at vertical
/// gutters (parts read left to right), else at horizontal gaps (parts read top to bottom), and each part is ordered
/// the same way. A full-width block (a title, a footer) bridges the gutter, so the cut above or below it comes first
/// and the columns under it are read one after the other. Consecutive horizontal parts that share a gutter are kept
/// together, so columns whose paragraph gaps happen to line up are still read column by column. Columns that are
/// mostly white space between them and whose lines sit on the same baselines are a table: it becomes one block
/// whose lines are its rows (<see cref="Table"/>). Parts that cannot be cut are read top to bottom, then left to right.
/// </summary>
internal static class ReadingOrder
{
    /// <summary>Narrowest vertical gap, in points, taken as a column gutter.</summary>
    private const double MinGutter = 6;

    public static IReadOnlyList<PdfBlock> Order(IReadOnlyList<PdfBlock> blocks)
    {
        var result = new List<PdfBlock>(blocks.Count);
        Cut(blocks.ToList(), result, depth: 0);
        return result;
    }

    private static void Cut(List<PdfBlock> blocks, List<PdfBlock> result, int depth)
    {
        if (blocks.Count <= 1 || depth > 64)
        {
            result.AddRange(TopDown(blocks));
            return;
        }

        var columns = Columns(blocks);
        if (columns.Count > 1)
        {
            if (Table.TryMerge(columns) is { } table)
            {
                result.Add(table);
                return;
            }

            foreach (var column in columns)
            {
                Cut(column, result, depth + 1);
            }

            return;
        }

        var rows = Rows(blocks);
        if (rows.Count > 1)
        {
            foreach (var row in rows)
            {
                Cut(row, result, depth + 1);
            }

            return;
        }

        result.AddRange(TopDown(blocks));
    }

    private static IEnumerable<PdfBlock> TopDown(List<PdfBlock> blocks) =>
        blocks.OrderByDescending(b => b.Top).ThenBy(b => b.Left);

    private static List<List<PdfBlock>> Columns(List<PdfBlock> blocks) => Split(blocks, b => b.Left, b => b.Right, MinGutter);

    /// <summary>Top to bottom (y grows upwards), neighbours with a common gutter merged.</summary>
    private static List<List<PdfBlock>> Rows(List<PdfBlock> blocks)
    {
        var rows = Split(blocks, b => -b.Top, b => -b.Bottom, 0);
        var merged = new List<List<PdfBlock>> { rows[0] };
        for (var i = 1; i < rows.Count; i++)
        {
            var last = merged[^1];
            if (Columns(last).Count > 1 && Columns(rows[i]).Count > 1 && Columns([.. last, .. rows[i]]).Count > 1)
            {
                last.AddRange(rows[i]);
            }
            else
            {
                merged.Add(rows[i]);
            }
        }

        return merged;
    }

    /// <summary>Groups blocks whose [start, end] projections overlap or lie closer than <paramref name="minGap"/>, in projection order.</summary>
    private static List<List<PdfBlock>> Split(List<PdfBlock> blocks, Func<PdfBlock, double> start, Func<PdfBlock, double> end, double minGap)
    {
        var sorted = blocks.OrderBy(start).ThenBy(end).ThenBy(b => b.Lines[0].Text, StringComparer.Ordinal).ToList();
        var groups = new List<List<PdfBlock>>();
        var current = new List<PdfBlock> { sorted[0] };
        var reach = end(sorted[0]);
        for (var i = 1; i < sorted.Count; i++)
        {
            var b = sorted[i];
            if (start(b) - reach > minGap)
            {
                groups.Add(current);
                current = [];
            }

            current.Add(b);
            reach = Math.Max(reach, end(b));
        }

        groups.Add(current);
        return groups;
    }
}
