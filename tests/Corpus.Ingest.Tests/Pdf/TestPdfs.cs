using System.IO.Compression;
using System.Text;
using Corpus.Ingest.Warc;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Corpus.Ingest.Tests.Pdf;

/// <summary>PDFs the tests build with PdfPig's <see cref="PdfDocumentBuilder"/> (US letter, Helvetica).</summary>
internal static class TestPdfs
{
    public const double Width = 612;
    public const double Height = 792;
    public const double FontSize = 11;
    public const double Leading = 14;

    /// <summary>One page per entry; each entry is a list of (x, y, text) placements.</summary>
    public static byte[] Build(IEnumerable<IEnumerable<(double X, double Y, string Text)>> pages, string? title = null, string? author = null)
    {
        using var builder = new PdfDocumentBuilder();
        if (title is not null)
        {
            builder.DocumentInformation.Title = title;
        }

        if (author is not null)
        {
            builder.DocumentInformation.Author = author;
        }

        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var placements in pages)
        {
            var page = builder.AddPage(Width, Height);
            foreach (var (x, y, text) in placements)
            {
                page.AddText(text, FontSize, new PdfPoint(x, y), font);
            }
        }

        return builder.Build();
    }

    /// <summary>Lines set one under the other from (x, top).</summary>
    public static IEnumerable<(double X, double Y, string Text)> Column(double x, double top, params string[] lines) =>
        lines.Select((line, i) => (x, top - (i * Leading), line));

    /// <summary>A page holding only a gray image.</summary>
    public static byte[] ImageOnly(int pages = 1)
    {
        using var builder = new PdfDocumentBuilder();
        var png = GrayPng(16, 16);
        for (var i = 0; i < pages; i++)
        {
            var page = builder.AddPage(Width, Height);
            page.AddPng(png, new PdfRectangle(72, 72, 540, 720));
        }

        return builder.Build();
    }

    /// <summary>A valid 8-bit gray PNG.</summary>
    public static byte[] GrayPng(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, width);
        WriteBigEndian(header, 4, height);
        header[8] = 8; // bit depth
        header[9] = 0; // gray
        Chunk(png, "IHDR", header);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                z.WriteByte(0); // filter: none
                for (var x = 0; x < width; x++)
                {
                    z.WriteByte((byte)((x * 16) + y));
                }
            }
        }

        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, (int)Crc32.Update(0, typeAndData));
        png.Write(crc);
    }

    private static void WriteBigEndian(byte[] buffer, int offset, int value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }
}
