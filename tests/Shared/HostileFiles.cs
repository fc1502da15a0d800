using System.IO.Compression;
using System.Text;

namespace Corpus.Tests.Shared;

/// <summary>
/// WARC, gzip and HTML files built to break readers, byte for byte the same every time. Every WARC record has a
/// target URI under <c>http://hostile.test/FILE/</c> (FILE: the case's file name), so whatever it becomes names the file.
/// </summary>
internal static class HostileFiles
{
    /// <summary>What a gzip bomb inflates to: 4 GiB.</summary>
    public const long BombInflatedBytes = 4L << 30;

    /// <summary>The words every readable page of these files holds.</summary>
    public const string PageText = "Hostile input page text that a reader should keep.";

    private const int BombChunk = 1 << 20;

    /// <summary>Every case of this class, named as a file (its extension says how a build reads it).</summary>
    public static IReadOnlyList<(string Name, Func<byte[]> Bytes)> All { get; } =
    [
        ("warc-content-length-shorter.warc", WarcContentLengthShorterThanBlock),
        ("warc-content-length-longer.warc", WarcContentLengthLongerThanBlock),
        ("warc-truncated-gzip-member.warc.gz", WarcTruncatedGzipMember),
        ("warc-huge-header-line.warc", WarcHugeHeaderLine),
        ("warc-garbage-http-block.warc", WarcGarbageHttpBlock),
        ("warc-http-header-line-10mb.warc", WarcHugeHttpHeaderLine),
        ("warc-nul-bytes.warc", WarcNulBytes),
        ("bomb.txt.gz", () => GzipBomb(BombInflatedBytes, (byte)' ')),
        ("bomb.html.gz", () => GzipBomb(BombInflatedBytes, (byte)' ')),
        ("bomb-single-member.warc.gz", () => WarcBomb(multiMember: false, lyingLength: false)),
        ("bomb-many-members.warc.gz", () => WarcBomb(multiMember: true, lyingLength: false)),
        ("bomb-lying-length.warc.gz", () => WarcBomb(multiMember: false, lyingLength: true)),
        ("bomb-lying-length-many-members.warc.gz", () => WarcBomb(multiMember: true, lyingLength: true)),
        ("bomb-http-content-encoding.warc.gz", WarcHttpContentEncodingBomb),
        // 5,000 levels while HTML extraction is quadratic in depth; 20,000 and 100,000 belong here once it is linear.
        ("html-deep-nesting.html", () => HtmlDeepNesting(5_000)),
        ("html-many-attributes.html", () => HtmlManyAttributes(300_000)),
        ("html-5mb-word.html", () => HtmlLongWord(5 << 20)),
        ("html-nested-inline.html", () => HtmlNestedInline(5_000)),
        ("html-unclosed-anchors.html", () => HtmlUnclosedAnchors(5_000)),
        ("html-unclosed-comment.html", HtmlUnclosedComment),
        ("html-unclosed-script.html", HtmlUnclosedScript),
        ("html-nul-bytes.html", HtmlNulBytes),
    ];

    /// <summary>A good record, one whose Content-Length is 20 bytes short of its block, and a good record.</summary>
    public static byte[] WarcContentLengthShorterThanBlock()
    {
        var bad = Response("warc-content-length-shorter.warc", 1);
        return [.. Record("warc-content-length-shorter.warc", 0), .. Lying(bad, bad.Length - 20), .. Record("warc-content-length-shorter.warc", 2)];
    }

    /// <summary>A good record, one whose Content-Length is 100 bytes over its block (it swallows the next record's head), and two good records.</summary>
    public static byte[] WarcContentLengthLongerThanBlock()
    {
        var bad = Response("warc-content-length-longer.warc", 1);
        return [.. Record("warc-content-length-longer.warc", 0), .. Lying(bad, bad.Length + 100), .. Record("warc-content-length-longer.warc", 2), .. Record("warc-content-length-longer.warc", 3)];
    }

    /// <summary>Gzip members of two good records, then one cut in the middle of its deflate data.</summary>
    public static byte[] WarcTruncatedGzipMember()
    {
        var last = Gzip(Record("warc-truncated-gzip-member.warc.gz", 2, padding: 4000));
        return [.. Gzip(Record("warc-truncated-gzip-member.warc.gz", 0)), .. Gzip(Record("warc-truncated-gzip-member.warc.gz", 1)), .. last[..(last.Length / 2)]];
    }

    /// <summary>A good record, a record with a 10 MB header line, and a good record.</summary>
    public static byte[] WarcHugeHeaderLine()
    {
        var huge = Encoding.ASCII.GetBytes("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://hostile.test/warc-huge-header-line.warc/1\r\nX-Huge: ");
        return [.. Record("warc-huge-header-line.warc", 0), .. huge, .. Filler(10 << 20, (byte)'h'), .. "\r\nContent-Length: 4\r\n\r\nbody\r\n\r\n"u8, .. Record("warc-huge-header-line.warc", 2)];
    }

    /// <summary>Well-formed WARC records whose <c>application/http</c> blocks are not HTTP: seeded random bytes, a bare head, nothing.</summary>
    public static byte[] WarcGarbageHttpBlock()
    {
        var random = new Random(5);
        var noise = new byte[4096];
        random.NextBytes(noise);
        byte[] noHead = [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"u8, .. Filler(2000, (byte)'x')];
        byte[] badStatus = [.. "HTTP/9.9 2OO OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\nZZZ\r\n"u8, .. noise[..100]];
        return
        [
            .. RecordWithBlock("warc-garbage-http-block.warc", 0, noise),
            .. RecordWithBlock("warc-garbage-http-block.warc", 1, noHead),
            .. RecordWithBlock("warc-garbage-http-block.warc", 2, badStatus),
            .. RecordWithBlock("warc-garbage-http-block.warc", 3, []),
            .. Record("warc-garbage-http-block.warc", 4),
        ];
    }

    /// <summary>A response record whose HTTP head holds one 10 MB header line, then a good record.</summary>
    public static byte[] WarcHugeHttpHeaderLine()
    {
        byte[] block = [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Huge: "u8, .. Filler(10 << 20, (byte)'h'), .. "\r\n\r\n"u8, .. Encoding.UTF8.GetBytes(Page(1))];
        return [.. RecordWithBlock("warc-http-header-line-10mb.warc", 1, block), .. Record("warc-http-header-line-10mb.warc", 2)];
    }

    /// <summary>An HTML response and a plain-text response with NUL bytes in their bodies, then a good record.</summary>
    public static byte[] WarcNulBytes()
    {
        const string name = "warc-nul-bytes.warc";
        return
        [
            .. RecordWithBlock(name, 0, Encoding.UTF8.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{Page(0)}<p title=\"a\0b\">Nul\0inside</p><d\0iv>after</div>\0")),
            .. RecordWithBlock(name, 1, Encoding.UTF8.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n{PageText}\0\0\0binary\0tail")),
            .. Record(name, 2),
        ];
    }

    /// <summary>
    /// A gzip file that inflates to <paramref name="inflated"/> bytes of <paramref name="fill"/> from about a
    /// thousandth of that: one deflate stream of sync-flushed copies of one compressed megabyte (its trailer's CRC is
    /// not computed: a reader must stop long before it).
    /// </summary>
    public static byte[] GzipBomb(long inflated, byte fill) => [.. GzipHeader, .. BombDeflate(inflated, fill), .. new byte[8]];

    /// <summary>
    /// A <c>.warc.gz</c> that holds a good record, a record of 4 GiB of zeros in a gzip bomb, and a good record.
    /// <paramref name="multiMember"/>: the zeros come in 4,096 valid gzip members of 1 MiB each, else in one member;
    /// <paramref name="lyingLength"/>: the bomb record's Content-Length says 100 bytes, else the truth.
    /// </summary>
    public static byte[] WarcBomb(bool multiMember, bool lyingLength)
    {
        var name = (multiMember, lyingLength) switch
        {
            (false, false) => "bomb-single-member.warc.gz",
            (true, false) => "bomb-many-members.warc.gz",
            (false, true) => "bomb-lying-length.warc.gz",
            _ => "bomb-lying-length-many-members.warc.gz",
        };
        var length = lyingLength ? 100 : BombInflatedBytes;
        var head = Encoding.ASCII.GetBytes($"WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: http://hostile.test/{name}/1\r\nContent-Type: text/plain\r\nContent-Length: {length}\r\n\r\n");
        using var bomb = new MemoryStream();
        bomb.Write(Gzip(Record(name, 0)));
        if (multiMember)
        {
            bomb.Write(Gzip(head));
            var member = Gzip(new byte[BombChunk]);
            for (long i = 0; i < BombInflatedBytes / BombChunk; i++)
            {
                bomb.Write(member);
            }
        }
        else
        {
            bomb.Write(GzipHeader);
            bomb.Write(BombDeflate(BombInflatedBytes, 0, prefix: head));
            bomb.Write(new byte[8]);
        }

        bomb.Write(Gzip(Record(name, 2)));
        return bomb.ToArray();
    }

    /// <summary>A response record whose HTTP body is gzip content-encoding that inflates to 4 GiB of spaces, then a good record.</summary>
    public static byte[] WarcHttpContentEncodingBomb()
    {
        byte[] block = [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"u8, .. GzipBomb(BombInflatedBytes, (byte)' ')];
        return [.. Gzip(RecordWithBlock("bomb-http-content-encoding.warc.gz", 1, block)), .. Gzip(Record("bomb-http-content-encoding.warc.gz", 2))];
    }

    /// <summary>The page text inside <paramref name="depth"/> nested <c>div</c> elements.</summary>
    public static byte[] HtmlDeepNesting(int depth) =>
        Html(Repeat("<div>", depth) + $"<p>{PageText}</p>" + Repeat("</div>", depth));

    /// <summary>A paragraph element with <paramref name="count"/> distinct attributes, holding the page text.</summary>
    public static byte[] HtmlManyAttributes(int count)
    {
        var tag = new StringBuilder("<p");
        for (var i = 0; i < count; i++)
        {
            tag.Append(" a").Append(i).Append("=\"v\"");
        }

        return Html(tag + $">{PageText}</p>");
    }

    /// <summary>The page text, then one word of <paramref name="bytes"/> letters.</summary>
    public static byte[] HtmlLongWord(int bytes) => Html($"<p>{PageText}</p><p>{new string('w', bytes)}</p>");

    /// <summary>The page text inside <paramref name="depth"/> nested inline elements (b, i, span, em, strong in turn), closed.</summary>
    public static byte[] HtmlNestedInline(int depth)
    {
        string[] tags = ["b", "i", "span", "em", "strong"];
        var open = string.Concat(Enumerable.Range(0, depth).Select(i => $"<{tags[i % tags.Length]}>"));
        var close = string.Concat(Enumerable.Range(0, depth).Reverse().Select(i => $"</{tags[i % tags.Length]}>"));
        return Html($"<p>{open}{PageText}{close}</p>");
    }

    /// <summary><paramref name="count"/> anchors and formatting elements never closed, each holding a word (the adoption agency's worst case).</summary>
    public static byte[] HtmlUnclosedAnchors(int count) =>
        Html($"<p>{PageText}</p>" + string.Concat(Enumerable.Range(0, count).Select(i => $"<a href=\"/{i}\"><b>word{i} <p>")));

    /// <summary>The page text, then a comment that never ends over 1 MB.</summary>
    public static byte[] HtmlUnclosedComment() => Html($"<p>{PageText}</p><!-- " + Repeat("<p>not text</p> -- > ", 50_000));

    /// <summary>The page text, then a script that never ends over 1 MB.</summary>
    public static byte[] HtmlUnclosedScript() => Html($"<p>{PageText}</p><script>var s = '" + Repeat("</scrip t><p>not text</p>", 40_000));

    /// <summary>The page text with NUL bytes inside words, tags and attribute values.</summary>
    public static byte[] HtmlNulBytes() => Html($"<p>{PageText}</p><p title=\"a\0b\">Nul\0inside</p><d\0iv>after</div>\0");

    /// <summary>A plain response record for <c>http://hostile.test/FILE/N</c> holding the page text.</summary>
    public static byte[] Record(string name, int n, int padding = 0) =>
        RecordWithBlock(name, n, Encoding.UTF8.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{Page(n)}{new string(' ', padding)}"));

    /// <summary>The page of record <paramref name="n"/>: the page text and the number.</summary>
    public static string Page(int n) => $"<html><head><title>Page {n}</title></head><body><p>{PageText} Page {n}.</p></body></html>";

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] RecordWithBlock(string name, int n, byte[] block) =>
        [.. Encoding.ASCII.GetBytes($"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://hostile.test/{name}/{n}\r\nWARC-Date: 2024-05-06T07:08:09Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {block.Length}\r\n\r\n"), .. block, .. "\r\n\r\n"u8];

    private static byte[] Response(string name, int n) => Record(name, n);

    /// <summary>A record with its Content-Length replaced by <paramref name="length"/>.</summary>
    private static byte[] Lying(byte[] record, long length)
    {
        var text = Encoding.Latin1.GetString(record);
        var at = text.IndexOf("Content-Length: ", StringComparison.Ordinal) + "Content-Length: ".Length;
        var end = text.IndexOf('\r', at);
        return Encoding.Latin1.GetBytes(text[..at] + length + text[end..]);
    }

    private static readonly byte[] GzipHeader = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF];

    /// <summary>
    /// A raw deflate stream of <paramref name="prefix"/> then <paramref name="inflated"/> bytes of <paramref name="fill"/>:
    /// one compressed megabyte, sync-flushed so it ends on a byte boundary and refers to nothing before it, written
    /// again and again, then an empty final block.
    /// </summary>
    private static byte[] BombDeflate(long inflated, byte fill, byte[]? prefix = null)
    {
        using var output = new MemoryStream();
        if (prefix is not null)
        {
            output.Write(SyncFlushed(prefix));
        }

        var chunk = SyncFlushed(Filler(BombChunk, fill));
        for (long i = 0; i < inflated / BombChunk; i++)
        {
            output.Write(chunk);
        }

        output.Write([0x03, 0x00]);
        return output.ToArray();
    }

    private static byte[] SyncFlushed(byte[] data)
    {
        using var output = new MemoryStream();
        var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        deflate.Write(data);
        deflate.Flush();
        var flushed = output.ToArray();
        deflate.Dispose();
        return flushed;
    }

    private static byte[] Filler(int length, byte value)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, value);
        return bytes;
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static byte[] Html(string body) => Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><head><title>Hostile</title></head><body>{body}</body></html>");
}
