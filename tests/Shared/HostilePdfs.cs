using System.Globalization;
using System.Text;

namespace Corpus.Tests.Shared;

/// <summary>Small PDFs built to break parsers, byte for byte the same every time.</summary>
internal static class HostilePdfs
{
    /// <summary>The words every hostile PDF with a readable page shows on it.</summary>
    public const string PageText = "Hostile input page text";

    /// <summary>Every case of this class, named as a file (<c>pdf-….pdf</c>).</summary>
    public static IReadOnlyList<(string Name, Func<byte[]> Bytes)> All { get; } =
    [
        ("pdf-xref-stream-huge-field-width.pdf", XrefStreamWithHugeFieldWidth),
        ("pdf-xref-stream-huge-middle-width.pdf", XrefStreamWithHugeMiddleWidth),
        ("pdf-xref-stream-huge-size.pdf", XrefStreamWithHugeSize),
        ("pdf-xref-table-huge-size.pdf", XrefTableWithHugeSize),
        ("pdf-xref-cycle.pdf", XrefCycle),
        ("pdf-self-referencing-prev.pdf", SelfReferencingPrev),
        ("pdf-cyclic-page-tree.pdf", CyclicPageTree),
        ("pdf-page-tree-kids-point-at-root.pdf", PageTreeKidsPointingAtTheRoot),
        ("pdf-cyclic-form-xobject.pdf", CyclicFormXObject),
        ("pdf-self-referencing-resources.pdf", SelfReferencingResources),
        ("pdf-deep-nested-arrays.pdf", () => DeepNestedArrays(100_000)),
        ("pdf-deep-nested-dictionaries.pdf", () => DeepNestedDictionaries(100_000)),
        ("pdf-truncated-stream.pdf", TruncatedStream),
        ("pdf-length-longer-than-stream.pdf", LengthLongerThanStream),
        ("pdf-length-shorter-than-stream.pdf", LengthShorterThanStream),
        ("pdf-length-refers-to-its-own-stream.pdf", LengthReferringToItsOwnStream),
        ("pdf-reference-cycle.pdf", ReferenceCycle),
    ];

    /// <summary>
    /// The cases PdfPig 0.1.16 does not survive or leave in time: a stack overflow, an endless loop on a reference
    /// cycle, a cross-reference stream of 2,147,483,647 entries. Only a worker process may parse them.
    /// </summary>
    public static IReadOnlyList<string> ParsedOnlyInWorkers { get; } =
    [
        "pdf-xref-stream-huge-field-width.pdf",
        "pdf-xref-stream-huge-middle-width.pdf",
        "pdf-xref-stream-huge-size.pdf",
        "pdf-reference-cycle.pdf",
    ];

    /// <summary>
    /// A PDF whose only cross-reference stream declares a first field 2,147,483,647 bytes wide (<c>/W</c>): PdfPig
    /// 0.1.16 recurses on it until the stack overflows, which no handler in the process can catch.
    /// </summary>
    public static byte[] XrefStreamWithHugeFieldWidth() => WithXrefStream("[2147483647 1 1]", size: 4);

    /// <summary>A cross-reference stream whose offset field is 2,147,483,647 bytes wide.</summary>
    public static byte[] XrefStreamWithHugeMiddleWidth() => WithXrefStream("[1 2147483647 1]", size: 4);

    /// <summary>A cross-reference stream that declares 2,147,483,647 objects (<c>/Size</c>) and no <c>/Index</c>.</summary>
    public static byte[] XrefStreamWithHugeSize() => WithXrefStream("[1 1 1]", size: int.MaxValue);

    /// <summary>An ordinary one-page PDF whose trailer declares 2,147,483,647 objects and whose table claims as many.</summary>
    public static byte[] XrefTableWithHugeSize()
    {
        var pdf = new PdfText(TextPage());
        var xref = pdf.Length;
        pdf.Append("xref\n0 2147483647\n0000000000 65535 f \n");
        foreach (var offset in pdf.Offsets)
        {
            pdf.Append(string.Create(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n"));
        }

        pdf.Append(string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size 2147483647 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.Bytes();
    }

    /// <summary>Two cross-reference sections whose trailers' <c>/Prev</c> point at each other.</summary>
    public static byte[] XrefCycle()
    {
        var pdf = new PdfText(TextPage());
        var first = pdf.Length;
        var firstSection = Table(pdf.Offsets);
        var second = first + firstSection.Length + Trailer(pdf.Offsets.Count + 1, prev: 0).Length;
        pdf.Append(firstSection).Append(Trailer(pdf.Offsets.Count + 1, prev: second));
        pdf.Append(Table(pdf.Offsets)).Append(Trailer(pdf.Offsets.Count + 1, prev: first));
        pdf.Append(string.Create(CultureInfo.InvariantCulture, $"startxref\n{first}\n%%EOF\n"));
        return pdf.Bytes();
    }

    /// <summary>A trailer whose <c>/Prev</c> is the offset of its own cross-reference section.</summary>
    public static byte[] SelfReferencingPrev()
    {
        var pdf = new PdfText(TextPage());
        var xref = pdf.Length;
        pdf.Append(Table(pdf.Offsets)).Append(Trailer(pdf.Offsets.Count + 1, prev: xref));
        pdf.Append(string.Create(CultureInfo.InvariantCulture, $"startxref\n{xref}\n%%EOF\n"));
        return pdf.Bytes();
    }

    /// <summary>A page tree whose root lists itself among its kids, beside its one page.</summary>
    public static byte[] CyclicPageTree() => Build(TextPage(kids: "[2 0 R 3 0 R]", count: 2));

    /// <summary>A page tree whose second level lists the root again (/Kids pointing back at an ancestor).</summary>
    public static byte[] PageTreeKidsPointingAtTheRoot()
    {
        var objects = TextPage(kids: "[6 0 R]", count: 2).ToList();
        objects[2] = objects[2].Replace("/Parent 2 0 R", "/Parent 6 0 R", StringComparison.Ordinal);
        objects.Add("<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 2 0 R] /Count 2 >>");
        return Build(objects);
    }

    /// <summary>A page that draws a form XObject which draws itself, its resources naming it again.</summary>
    public static byte[] CyclicFormXObject()
    {
        var objects = TextPage(resources: "<< /Font << /F1 4 0 R >> /XObject << /Fm1 6 0 R >> >>", content: $"BT /F1 12 Tf 72 700 Td ({PageText}) Tj ET /Fm1 Do").ToList();
        objects.Add(Stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /Fm1 6 0 R >> >>", "/Fm1 Do"));
        return Build(objects);
    }

    /// <summary>A page whose resources dictionary is an object that names itself as its own XObject and font.</summary>
    public static byte[] SelfReferencingResources()
    {
        var objects = TextPage(resources: "6 0 R").ToList();
        objects.Add("<< /Font << /F1 4 0 R /F2 6 0 R >> /XObject << /Self 6 0 R >> /Resources 6 0 R >>");
        return Build(objects);
    }

    /// <summary>A page that carries an array nested <paramref name="depth"/> deep.</summary>
    public static byte[] DeepNestedArrays(int depth) => WithDeepValue(new string('[', depth) + new string(']', depth));

    /// <summary>A page that carries a dictionary nested <paramref name="depth"/> deep.</summary>
    public static byte[] DeepNestedDictionaries(int depth)
    {
        var value = new StringBuilder(depth * 8);
        for (var i = 0; i < depth; i++)
        {
            value.Append("<< /A ");
        }

        value.Append("1 ");
        for (var i = 0; i < depth; i++)
        {
            value.Append(">> ");
        }

        return WithDeepValue(value.ToString());
    }

    /// <summary>A page whose content stream is cut off in the middle: no <c>endstream</c>, no cross-reference table.</summary>
    public static byte[] TruncatedStream()
    {
        var full = Build(TextPage());
        var text = Encoding.Latin1.GetString(full);
        var cut = text.IndexOf(PageText, StringComparison.Ordinal) + 7;
        return full[..cut];
    }

    /// <summary>A content stream whose <c>/Length</c> says 99,999 bytes and the file holds 60.</summary>
    public static byte[] LengthLongerThanStream() => Build(TextPage(length: "99999"));

    /// <summary>A content stream whose <c>/Length</c> says 5 bytes.</summary>
    public static byte[] LengthShorterThanStream() => Build(TextPage(length: "5"));

    /// <summary>A content stream whose <c>/Length</c> is a reference to the stream itself.</summary>
    public static byte[] LengthReferringToItsOwnStream() => Build(TextPage(length: "5 0 R"));

    /// <summary>A page whose <c>/Contents</c> is an object that is a reference to an object that is a reference back.</summary>
    public static byte[] ReferenceCycle()
    {
        var objects = TextPage().ToList();
        objects[2] = objects[2].Replace("/Contents 5 0 R", "/Contents 6 0 R", StringComparison.Ordinal);
        objects.Add("7 0 R");
        objects.Add("6 0 R");
        return Build(objects);
    }

    private static byte[] WithDeepValue(string value)
    {
        var objects = TextPage().ToList();
        objects[2] = objects[2].Replace("/Type /Page", "/Type /Page /Deep 6 0 R", StringComparison.Ordinal);
        objects.Add(value);
        return Build(objects);
    }

    private static byte[] WithXrefStream(string widths, int size)
    {
        var pdf = new StringBuilder("%PDF-1.5\n");
        pdf.Append("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        pdf.Append("2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
        var xref = pdf.Length;
        const string data = "\x01\x00\x00\x00";
        pdf.Append(string.Create(CultureInfo.InvariantCulture, $"3 0 obj\n<< /Type /XRef /Size {size} /W {widths} /Root 1 0 R /Length {data.Length} >>\nstream\n{data}\nendstream\nendobj\n"));
        pdf.Append(string.Create(CultureInfo.InvariantCulture, $"startxref\n{xref}\n%%EOF\n"));
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>
    /// Objects 1 to 5 of a one-page PDF that shows <see cref="PageText"/>: catalog, page tree, page, font, content
    /// stream; the page tree's kids, the page's resources and the stream's length and content can be replaced.
    /// </summary>
    private static string[] TextPage(string kids = "[3 0 R]", int count = 1, string resources = "<< /Font << /F1 4 0 R >> >>", string? length = null, string? content = null)
    {
        content ??= $"BT /F1 12 Tf 72 700 Td ({PageText}) Tj ET";
        return
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids {kids} /Count {count} >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources {resources} /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            Stream(length is null ? "" : $"/Length {length}", content),
        ];
    }

    /// <summary>A stream object; its <c>/Length</c> is the content's unless <paramref name="dictionary"/> gives one.</summary>
    private static string Stream(string dictionary, string content)
    {
        var length = dictionary.Contains("/Length", StringComparison.Ordinal) ? "" : $" /Length {Encoding.Latin1.GetByteCount(content)}";
        return $"<< {dictionary}{length} >>\nstream\n{content}\nendstream";
    }

    /// <summary>The objects (numbered from 1) with a cross-reference table that gives their true offsets.</summary>
    private static byte[] Build(IReadOnlyList<string> objects)
    {
        var pdf = new PdfText(objects);
        var xref = pdf.Length;
        pdf.Append(Table(pdf.Offsets)).Append(Trailer(objects.Count + 1, prev: null));
        pdf.Append(string.Create(CultureInfo.InvariantCulture, $"startxref\n{xref}\n%%EOF\n"));
        return pdf.Bytes();
    }

    private static string Table(IReadOnlyList<int> offsets)
    {
        var table = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        return table.ToString();
    }

    /// <summary>A trailer; <c>/Prev</c> is written with ten digits, so its length does not depend on the offset.</summary>
    private static string Trailer(int size, int? prev) =>
        prev is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} /Root 1 0 R /Prev {p:D10} >>\n")
            : string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} /Root 1 0 R >>\n");

    /// <summary>A PDF's text as it is written: the header, then each object with its offset noted.</summary>
    private sealed class PdfText
    {
        private readonly StringBuilder _text = new("%PDF-1.4\n");
        private readonly List<int> _offsets = [];

        public PdfText(IReadOnlyList<string> objects)
        {
            for (var i = 0; i < objects.Count; i++)
            {
                _offsets.Add(_text.Length);
                _text.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
            }
        }

        public int Length => _text.Length;

        public IReadOnlyList<int> Offsets => _offsets;

        public PdfText Append(string text)
        {
            _text.Append(text);
            return this;
        }

        public byte[] Bytes() => Encoding.Latin1.GetBytes(_text.ToString());
    }
}
