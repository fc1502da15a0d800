using System.Globalization;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Corpus.Ingest.Sample;

/// <summary>
/// The sample site's printable editions: a UDHR translation typeset as a two-column A4 PDF with a
/// running header, a page-number footer and words hyphenated at line ends, as journal papers and
/// reports are, so that a crawl of the sample site meets what PDF extraction must undo. Helvetica
/// (a standard-14 font, whose built-in encoding PdfPig writes), so only translations written in ASCII
/// qualify. Deterministic:
/// the same translation gives the same bytes.
/// </summary>
public static class SamplePdfWriter
{
    private const double PageWidth = 595;
    private const double PageHeight = 842;
    private const double Margin = 56;
    private const double Gutter = 24;
    private const double FontSize = 9.5;
    private const double Leading = 12;
    private const double HeaderY = PageHeight - 40;
    private const double FooterY = 32;
    private const double BodyTop = PageHeight - 80;
    private const double BodyBottom = 60;
    private const int MinHyphenLength = 8;

    /// <summary>Whether <paramref name="translation"/> can be typeset in Helvetica.</summary>
    public static bool CanWrite(UdhrTranslation translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        return AllText(translation).All(s => s.All(c => c is >= ' ' and <= '~'));
    }

    /// <summary>The PDF of <paramref name="translation"/>.</summary>
    public static byte[] Write(UdhrTranslation translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = translation.Title;
        builder.DocumentInformation.Author = "UDHR library";
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var columnWidth = (PageWidth - (2 * Margin) - Gutter) / 2;

        // Lay the text out as lines first, then cut the lines into columns and pages.
        var measure = builder.AddPage(PageWidth, PageHeight);
        var widths = new Dictionary<string, double>(StringComparer.Ordinal);
        double Width(string word, PdfDocumentBuilder.AddedFont f)
        {
            var key = (f == bold ? "b:" : "r:") + word;
            if (!widths.TryGetValue(key, out var w))
            {
                var letters = measure.MeasureText(word, FontSize, new PdfPoint(0, 0), f);
                w = letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
                widths[key] = w;
            }

            return w;
        }

        var lines = new List<(string Text, bool Bold)>();
        foreach (var section in translation.Sections)
        {
            lines.AddRange(Wrap(section.Heading, columnWidth, w => Width(w, bold)).Select(l => (l, true)));
            foreach (var paragraph in section.Paragraphs)
            {
                lines.AddRange(Wrap(paragraph, columnWidth, w => Width(w, font)).Select(l => (l, false)));
            }

            lines.Add((string.Empty, false));
        }

        // The first page starts with the title across both columns, below the running header.
        var pages = new List<PdfPageBuilder>();
        var at = 0;
        var pageNumber = 0;
        while (at < lines.Count)
        {
            var page = pageNumber == 0 ? measure : builder.AddPage(PageWidth, PageHeight);
            pageNumber++;
            page.AddText("UDHR library - " + translation.Name, 8, new PdfPoint(Margin, HeaderY), font);
            page.AddText("Universal Declaration of Human Rights", 8, new PdfPoint(PageWidth - Margin - 150, HeaderY), font);
            page.AddText(pageNumber.ToString(CultureInfo.InvariantCulture), 8, new PdfPoint(PageWidth / 2, FooterY), font);
            var top = BodyTop;
            if (pageNumber == 1)
            {
                page.AddText(translation.Title, 14, new PdfPoint(Margin, top), bold);
                top -= 2.5 * Leading;
            }

            for (var column = 0; column < 2 && at < lines.Count; column++)
            {
                var x = Margin + (column * (columnWidth + Gutter));
                for (var y = top; y >= BodyBottom && at < lines.Count; y -= Leading, at++)
                {
                    var (text, isBold) = lines[at];
                    if (text.Length > 0)
                    {
                        page.AddText(text, FontSize, new PdfPoint(x, y), isBold ? bold : font);
                    }
                }
            }
        }

        return WithStableId(builder.Build());
    }

    /// <summary>
    /// PdfPig writes random GUIDs as the trailer's file identifiers; replaces them (same length, so
    /// the cross-reference offsets hold) by the MD5 of the bytes before the trailer, as the PDF
    /// specification suggests deriving them, so the same input gives the same file.
    /// </summary>
    private static byte[] WithStableId(byte[] pdf)
    {
        var marker = "/ID [ <"u8;
        var at = pdf.AsSpan().LastIndexOf(marker);
        if (at < 0)
        {
            return pdf;
        }

        var hex = System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(System.Security.Cryptography.MD5.HashData(pdf.AsSpan(0, at))));
        var first = at + marker.Length;
        var second = pdf.AsSpan(first).IndexOf((byte)'<') + first + 1;
        if (pdf.AsSpan(first, 32).IndexOfAnyExcept("0123456789ABCDEFabcdef"u8) >= 0 || pdf.AsSpan(second, 32).IndexOfAnyExcept("0123456789ABCDEFabcdef"u8) >= 0)
        {
            return pdf;
        }

        hex.CopyTo(pdf, first);
        hex.CopyTo(pdf, second);
        return pdf;
    }

    /// <summary>Greedy line breaking; a long word that does not fit is hyphenated when its first part does.</summary>
    internal static List<string> Wrap(string text, double width, Func<string, double> measure)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (measure(candidate) <= width)
            {
                line = candidate;
                continue;
            }

            if (word.Length >= MinHyphenLength && word.All(char.IsLetter) && line.Length > 0 && Hyphenate(line, word, width, measure) is { } cut)
            {
                lines.Add(line + " " + word[..cut] + "-");
                line = word[cut..];
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            line = word;
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The longest head of <paramref name="word"/> (at least 4 letters, leaving at least 4) that fits after <paramref name="line"/> with its hyphen.</summary>
    private static int? Hyphenate(string line, string word, double width, Func<string, double> measure)
    {
        for (var cut = word.Length - 4; cut >= 4; cut--)
        {
            if (measure(line + " " + word[..cut] + "-") <= width)
            {
                return cut;
            }
        }

        return null;
    }

    private static IEnumerable<string> AllText(UdhrTranslation t) =>
        new[] { t.Title, t.Name }.Concat(t.Sections.SelectMany(s => s.Paragraphs.Prepend(s.Heading)));
}
