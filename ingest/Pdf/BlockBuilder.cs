namespace Corpus.Ingest.Pdf;

/// <summary>
/// Lines → blocks, top to bottom: a line joins the block whose last line lies just above it (overlapping it
/// horizontally, a gap under <see cref="MaxGap"/> line heights, a similar height); otherwise it starts a block. A
/// blank line's worth of space, a change of font size or a column gutter therefore ends a block.
/// </summary>
internal static class BlockBuilder
{
    public const double MaxGap = 1.4;

    public static List<PdfBlock> Build(List<PdfLine> lines)
    {
        var blocks = new List<List<PdfLine>>();
        foreach (var line in lines.OrderByDescending(l => l.Top).ThenBy(l => l.Left))
        {
            List<PdfLine>? best = null;
            var bestGap = double.MaxValue;
            foreach (var block in blocks)
            {
                var last = block[^1];
                var height = Math.Max(Height(line), Height(last));
                var gap = last.Bottom - line.Top;
                var overlap = Math.Min(last.Right, line.Right) - Math.Max(last.Left, line.Left);
                var similar = Math.Min(Height(line), Height(last)) / height > 0.6;
                if (overlap > 0 && similar && gap > -0.5 * height && gap < MaxGap * height && gap < bestGap)
                {
                    best = block;
                    bestGap = gap;
                }
            }

            if (best is null)
            {
                blocks.Add([line]);
            }
            else
            {
                best.Add(line);
            }
        }

        return blocks.Select(PdfBlock.Of).ToList();
    }

    private static double Height(PdfLine line) => Math.Max(line.Top - line.Bottom, 1);
}
