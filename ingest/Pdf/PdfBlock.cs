namespace Corpus.Ingest.Pdf;

/// <summary>A block of lines (a paragraph, a heading, a table), lines top to bottom.</summary>
/// <param name="Lines">Lines top to bottom.</param>
/// <param name="Left">Box, page space.</param>
/// <param name="Right">Box, page space.</param>
/// <param name="Bottom">Box, page space.</param>
/// <param name="Top">Box, page space.</param>
/// <param name="KeepLines">Every line break is kept (a table's rows), none is reflowed.</param>
internal sealed record PdfBlock(IReadOnlyList<PdfLine> Lines, double Left, double Right, double Bottom, double Top, bool KeepLines = false)
{
    public static PdfBlock Of(IReadOnlyList<PdfLine> lines) => new(
        lines,
        lines.Min(l => l.Left),
        lines.Max(l => l.Right),
        lines.Min(l => l.Bottom),
        lines.Max(l => l.Top));
}
