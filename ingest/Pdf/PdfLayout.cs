using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace Corpus.Ingest.Pdf;

/// <summary>
/// A page's letters → words (PdfPig's nearest-neighbour word extractor) → lines (<see cref="LineBuilder"/>) and
/// blocks (<see cref="BlockBuilder"/>) for text at a multiple of 90° (each orientation in its own
/// <see cref="TextFrame"/>: horizontal first, then 90°, 180°, 270°), PdfPig's docstrum for text at other angles → blocks
/// in reading order (<see cref="ReadingOrder"/>) within each orientation. Line text is normalized (<see cref="LigatureNormalizer"/>)
/// and put in logical order (<see cref="BidiLines"/>).
/// </summary>
internal static class PdfLayout
{
    public static PageLayout Read(Page page)
    {
        var letters = page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value));
        if (letters == 0)
        {
            return new PageLayout(page.Number, [], 0);
        }

        var words = page.GetWords()
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .ToList();
        if (words.Count == 0)
        {
            return new PageLayout(page.Number, [], letters);
        }

        var blocks = new List<PdfBlock>();
        foreach (var group in words.GroupBy(w => TextFrame.For(w.TextOrientation)).OrderBy(g => g.Key?.QuarterTurns ?? 4))
        {
            if (group.Key is { } frame)
            {
                blocks.AddRange(ReadingOrder.Order(BlockBuilder.Build(LineBuilder.Build(group, frame))));
                continue;
            }

            var docstrum = new List<PdfBlock>();
            foreach (var block in DocstrumBoundingBoxes.Instance.GetBlocks(group.ToList()))
            {
                var lines = block.TextLines.Select(ToLine).Where(l => l.Text.Length > 0).ToList();
                if (lines.Count > 0)
                {
                    docstrum.Add(PdfBlock.Of(lines));
                }
            }

            blocks.AddRange(ReadingOrder.Order(docstrum));
        }

        return new PageLayout(page.Number, blocks, letters);
    }

    private static PdfLine ToLine(TextLine line)
    {
        IEnumerable<Word> words = line.Words;
        if (line.TextOrientation == TextOrientation.Horizontal)
        {
            words = words.OrderBy(w => w.BoundingBox.Left);
        }

        var texts = words.Select(w => LigatureNormalizer.Normalize(BidiLines.WordText(w, TextFrame.Horizontal)).Trim())
            .Where(t => t.Length > 0)
            .ToList();
        var box = line.BoundingBox;
        return new PdfLine(
            BidiLines.JoinLine(texts),
            Math.Min(box.Left, box.Right),
            Math.Max(box.Left, box.Right),
            Math.Min(box.Bottom, box.Top),
            Math.Max(box.Bottom, box.Top));
    }
}
