using System.Text;

namespace Corpus.Bench.Ingest;

/// <summary>
/// Seeded mutations of real files: byte flips, truncations, splices of two files, deleted and repeated ranges, and
/// tokens that parsers count, nest or trust (huge numbers, brackets, lengths, record heads) inserted in runs. The
/// same seed and files give the same bytes.
/// </summary>
internal static class FuzzMutator
{
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "2147483647", "4294967296", "-1", "0", "99999999999999999999", "[", "]", "<<", ">>", "(", ")", "0 0 R", "1 0 R",
            "/Length 999999999", "/Prev 0", "/Kids [1 0 R]", "endstream", "endobj", "xref", "trailer", "%%EOF", "stream\n",
            "<div>", "<b>", "<a href=x>", "<table>", "<!--", "<script>", "</", "&#x", "&amp", "<svg><math>", "\0",
            "\r\n\r\n", "WARC/1.0\r\n", "Content-Length: 99999999999\r\n", "Content-Length: 10\r\n", "HTTP/1.1 200 OK\r\n",
            "Transfer-Encoding: chunked\r\n", "Content-Encoding: gzip\r\n", "\x1F\x8B\x08\0\0\0\0\0\0\xFF",
        }.Select(t => Encoding.Latin1.GetBytes(t)),
    ];

    /// <summary>One to three mutations of <paramref name="a"/> (<paramref name="b"/> is the other file of a splice); returns the bytes and what was done.</summary>
    public static (byte[] Bytes, string Kind) Mutate(Random random, byte[] a, byte[] b)
    {
        var bytes = a;
        var kinds = new List<string>();
        do
        {
            var (mutated, kind) = Once(random, bytes, b);
            bytes = mutated;
            kinds.Add(kind);
        }
        while (kinds.Count < 3 && random.Next(4) == 0);

        return (bytes, string.Join('+', kinds));
    }

    private static (byte[] Bytes, string Kind) Once(Random random, byte[] a, byte[] b)
    {
        if (a.Length == 0)
        {
            return (b, "splice");
        }

        switch (random.Next(6))
        {
            case 0:
                var flipped = (byte[])a.Clone();
                var flips = 1 + random.Next(random.Next(2) == 0 ? 4 : 64);
                for (var i = 0; i < flips; i++)
                {
                    flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                }

                return (flipped, "flip");
            case 1:
                return (a[..random.Next(a.Length)], "truncate");
            case 2:
                return ([.. a[..random.Next(a.Length + 1)], .. b[random.Next(b.Length + 1)..]], "splice");
            case 3:
                var from = random.Next(a.Length);
                var cut = 1 + random.Next(Math.Max(1, a.Length / 8));
                return ([.. a[..from], .. a[Math.Min(a.Length, from + cut)..]], "delete");
            case 4:
                var start = random.Next(a.Length);
                var range = a[start..Math.Min(a.Length, start + 1 + random.Next(256))];
                var at = random.Next(a.Length + 1);
                var copies = 1 + random.Next(random.Next(2) == 0 ? 4 : 2000);
                return ([.. a[..at], .. Enumerable.Repeat(range, copies).SelectMany(r => r), .. a[at..]], "repeat");
            default:
                var token = Tokens[random.Next(Tokens.Length)];
                var where = random.Next(a.Length + 1);
                var times = random.Next(3) == 0 ? 1 + random.Next(5000) : 1;
                return ([.. a[..where], .. Enumerable.Repeat(token, times).SelectMany(t => t), .. a[where..]], "token");
        }
    }
}
