using System.Globalization;
using System.Text;

namespace Corpus.Tests.Shared;

/// <summary>Small PDFs built to break parsers, byte for byte the same every time.</summary>
internal static class HostilePdfs
{
    /// <summary>
    /// A PDF whose only cross-reference stream declares a first field 2,147,483,647 bytes wide (<c>/W</c>): PdfPig
    /// 0.1.16 recurses on it until the stack overflows, which no handler in the process can catch.
    /// </summary>
    public static byte[] XrefStreamWithHugeFieldWidth() => WithXrefStream("[2147483647 1 1]", size: 4);

    private static byte[] WithXrefStream(string widths, int size)
    {
        var pdf = new StringBuilder("%PDF-1.5\n");
        pdf.Append("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        pdf.Append("2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
        var xref = pdf.Length;
        const string data = "\x01\x00\x00\x00";
        pdf.Append(CultureInfo.InvariantCulture, $"3 0 obj\n<< /Type /XRef /Size {size} /W {widths} /Root 1 0 R /Length {data.Length} >>\nstream\n{data}\nendstream\nendobj\n");
        pdf.Append(CultureInfo.InvariantCulture, $"startxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
