using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace Corpus.Ingest.Pdf;

/// <summary>
/// A page's letters → words (PdfPig's nearest-neighbour word extractor) → lines (<see cref="LineBuilder"/>) and
/// blocks (<see cref="BlockBuilder"/>) for horizontal text, PdfPig's docstrum for rotated or vertical text → blocks in
/// reading order (<see cref="ReadingOrder"/>). Line text is normalized (<see cref="LigatureNormalizer"/>)
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

        var words = page.GetWords(NearestNeighbourWordExtractor.Instance)
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .ToList();
        if (words.Count == 0)
        {
            return new PageLayout(page.Number, [], letters);
        }

        var blocks = BlockBuilder.Build(LineBuilder.Build(words.Where(w => w.TextOrientation == TextOrientation.Horizontal)));
        var other = words.Where(w => w.TextOrientation != TextOrientation.Horizontal).ToList();
        if (other.Count > 0)
        {
            foreach (var block in DocstrumBoundingBoxes.Instance.GetBlocks(other))
            {
                var lines = block.TextLines.Select(ToLine).Where(l => l.Text.Length > 0).ToList();
                if (lines.Count > 0)
                {
                    blocks.Add(PdfBlock.Of(lines));
                }
            }
        }

        return new PageLayout(page.Number, ReadingOrder.Order(blocks), letters);
    }

    private static PdfLine ToLine(TextLine line)
    {
        IEnumerable<Word> words = line.Words;
        if (line.TextOrientation == TextOrientation.Horizontal)
        {
            words = words.OrderBy(w => w.BoundingBox.Left);
        }

        var texts = words.Select(w => LigatureNormalizer.Normalize(BidiLines.WordText(w)).Trim())
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
