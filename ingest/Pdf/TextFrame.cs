using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Corpus.Ingest.Pdf;

/// <summary>
/// A frame in which words of one orientation read left to right with y growing upwards: page space turned by a
/// multiple of 90°. Rotated text (a landscape page, a rotated table) is laid out in its own frame like horizontal text.
/// </summary>
internal sealed record TextFrame(int QuarterTurns)
{
    public static readonly TextFrame Horizontal = new(0);

    /// <summary>The frame for an orientation, or null for text at another angle.</summary>
    public static TextFrame? For(TextOrientation orientation) => orientation switch
    {
        TextOrientation.Horizontal => Horizontal,
        TextOrientation.Rotate90 => new TextFrame(1),
        TextOrientation.Rotate180 => new TextFrame(2),
        TextOrientation.Rotate270 => new TextFrame(3),
        _ => null,
    };

    /// <summary>The axis-aligned box of a rectangle's corners in this frame.</summary>
    public (double Left, double Right, double Bottom, double Top) Box(PdfRectangle r)
    {
        Span<PdfPoint> corners = [r.TopLeft, r.TopRight, r.BottomLeft, r.BottomRight];
        double left = double.MaxValue, right = double.MinValue, bottom = double.MaxValue, top = double.MinValue;
        foreach (var c in corners)
        {
            var (x, y) = Turn(c.X, c.Y);
            left = Math.Min(left, x);
            right = Math.Max(right, x);
            bottom = Math.Min(bottom, y);
            top = Math.Max(top, y);
        }

        return (left, right, bottom, top);
    }

    private (double X, double Y) Turn(double x, double y) => QuarterTurns switch
    {
        1 => (-y, x), // PdfPig's Rotate90 is clockwise: the text runs down the page
        2 => (-x, -y),
        3 => (y, -x),
        _ => (x, y),
    };
}
