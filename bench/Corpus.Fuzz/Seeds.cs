using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Corpus.Ingest.Sample;
using Corpus.Ingest.Warc;

namespace Corpus.Fuzz;

/// <summary>
/// The starting inputs of each target: the string literals of the parser's tests in
/// tests/Corpus.Ingest.Tests (robots.txt files, URLs, sitemaps, HTTP heads, content types), what the
/// bundled sample site serves (robots.txt, sitemaps, a page), WARC files from the product's own
/// <see cref="WarcWriter"/>, and a few hand-made inputs for paths the tests reach with code rather
/// than literals (chunked and compressed HTTP bodies, gzip WARC members, BOMs).
/// </summary>
internal static partial class Seeds
{
    private const int MaxSeedBytes = 8192;
    private const int MaxFromTests = 40;
    private static readonly DateTimeOffset Date = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    /// <summary>Writes the seeds of every target into <c>DIR/TARGET/</c>; returns how many per target.</summary>
    public static IReadOnlyDictionary<string, int> Write(string directory, string repoRoot)
    {
        var tests = Path.Combine(repoRoot, "tests", "Corpus.Ingest.Tests");
        string Test(string file) => Path.Combine(tests, file);
        var site = new SampleSite([Translation("eng", "en"), Translation("fra", "fr")], "http://udhr.sample.test");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);

        void Put(string target, IEnumerable<byte[]> seeds)
        {
            var folder = Path.Combine(directory, target);
            Directory.CreateDirectory(folder);
            var n = 0;
            foreach (var seed in seeds.Where(s => s.Length is > 0 and <= MaxSeedBytes).DistinctBy(Convert.ToHexString))
            {
                File.WriteAllBytes(Path.Combine(folder, $"seed-{n++:D3}"), seed);
            }

            counts[target] = n;
        }

        Put("warc", Warc());
        Put("http", Http().Concat(Utf8(Literals(Test("Warc/WarcReaderTests.cs"), Test("Warc/WarcDocumentConverterTests.cs")).Where(s => s.StartsWith("HTTP/", StringComparison.Ordinal)))));
        Put("robots", [site.Respond("/robots.txt").Body, .. Utf8(Literals(Test("Web/RobotsTxtTests.cs")).Where(s => s.Contains(':', StringComparison.Ordinal)))]);
        Put("url", Utf8(Literals(Test("Web/UrlNormalizerTests.cs"), Test("Web/LinkExtractorTests.cs"), Test("Web/CrawlScopeTests.cs"))
            .Where(s => s.Contains("://", StringComparison.Ordinal) || s.StartsWith('/') || s.StartsWith('?'))
            .Select(s => s.Contains("://", StringComparison.Ordinal) ? s : "http://example.com/a/b?q\n" + s)));
        Put("charset", Charset(site).Concat(Utf8(Literals(Test("Web/CharsetDetectorTests.cs")).Where(s => s.Contains("charset", StringComparison.OrdinalIgnoreCase)).Select(s => "text/html\n" + s))));
        Put("sitemap", Sitemaps(site).Concat(Utf8(Literals(Test("Web/SitemapParserTests.cs")).Where(s => s.Contains('<', StringComparison.Ordinal)))));
        return counts;
    }

    /// <summary>The string literals (regular and raw) of C# files, raw strings with their indentation removed.</summary>
    internal static IEnumerable<string> Literals(params string[] files)
    {
        var found = new List<string>();
        foreach (var file in files.Where(File.Exists))
        {
            var source = File.ReadAllText(file);
            foreach (Match raw in RawLiteral().Matches(source))
            {
                var indent = raw.Groups["indent"].Value;
                found.Add(string.Join('\n', raw.Groups["body"].Value.Split('\n').Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l.TrimStart())));
            }

            foreach (Match literal in RegularLiteral().Matches(RawLiteral().Replace(source, "")))
            {
                try
                {
                    found.Add(Regex.Unescape(literal.Groups[1].Value));
                }
                catch (ArgumentException)
                {
                    // An escape C# knows and Regex does not: the literal is left out.
                }
            }
        }

        return found.Where(s => s.Length >= 3).Distinct(StringComparer.Ordinal).Take(MaxFromTests);
    }

    private static IEnumerable<byte[]> Warc()
    {
        var folder = Path.Combine(Path.GetTempPath(), "corpus-fuzz-seeds-" + Environment.ProcessId);
        try
        {
            foreach (var gzip in (bool[])[false, true])
            {
                var dir = Path.Combine(folder, gzip ? "gz" : "plain");
                using (var writer = WarcWriter.Create(new WarcWriterOptions { Directory = dir, Prefix = "seed", Gzip = gzip, Seed = 1 }))
                {
                    writer.WriteResponse("http://example.com/", Date, Response("<html><head><meta charset=utf-8><title>A</title></head><body><p>Text.</p></body></html>"), "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"u8, "93.184.216.34");
                    writer.WriteResponse("http://example.com/c", Date, Chunked(), default, null);
                    writer.WriteResource("file:///a.txt", Date, "text/plain", "plain text\n"u8);
                }

                foreach (var file in Directory.GetFiles(dir))
                {
                    yield return File.ReadAllBytes(file);
                }
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        var conversion = "Some extracted text.\n"u8.ToArray();
        var wet = Record("WARC-Type: conversion\r\nWARC-Target-URI: http://example.com/\r\nContent-Type: text/plain\r\n", conversion);
        yield return wet;
        yield return GzipBytes(wet);
        yield return Record("WARC-Type: response\r\nWARC-Target-URI: <http://example.com/x>\r\nContent-Type: application/http; msgtype=response\r\n", Response("gzipped", "gzip"));
        yield return [.. "garbage\r\n"u8, .. Record("WARC-Type: metadata\r\n", "a: b\r\n"u8.ToArray())];
    }

    private static IEnumerable<byte[]> Http()
    {
        yield return Response("<p>hello</p>");
        yield return Chunked();
        yield return Response("gzip body", "gzip");
        yield return Response("deflate body", "deflate");
        yield return Response("brotli body", "br");
        yield return "GET / HTTP/1.1\nHost: example.com\n X-Folded: more\n\n"u8.ToArray();
    }

    private static IEnumerable<byte[]> Charset(SampleSite site)
    {
        var page = site.Respond("/udhr/eng/");
        yield return [.. Encoding.Latin1.GetBytes(page.ContentType + "\n"), .. page.Body.AsSpan(0, Math.Min(page.Body.Length, 2048))];
        var registered = CodePagesEncodingProvider.Instance;
        yield return [.. "text/html\n"u8, .. registered.GetEncoding("shift_jis")!.GetBytes("<meta charset=\"Shift_JIS\"><p>日本語</p>")];
        yield return [.. "text/html; charset=gb2312\n"u8, .. registered.GetEncoding("gbk")!.GetBytes("<p>中文</p>")];
        yield return [.. "text/plain; charset=utf-16\n"u8, 0xFF, 0xFE, .. Encoding.Unicode.GetBytes("hé")];
        yield return [.. "\n"u8, 0xEF, 0xBB, 0xBF, .. "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">"u8];
    }

    private static IEnumerable<byte[]> Sitemaps(SampleSite site)
    {
        yield return site.Respond("/sitemap.xml").Body;
        var languages = site.Respond("/sitemap-languages.xml").Body;
        yield return languages;
        yield return GzipBytes(languages);
        yield return "https://example.com/a\nhttps://example.com/b\n"u8.ToArray();
    }

    private static byte[] Response(string body, string? contentEncoding = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        if (contentEncoding is not null)
        {
            using var output = new MemoryStream();
            using (Stream encoder = contentEncoding switch
            {
                "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
                "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
                _ => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
            })
            {
                encoder.Write(bytes);
            }

            bytes = output.ToArray();
        }

        var encoding = contentEncoding is null ? "" : $"Content-Encoding: {contentEncoding}\r\n";
        return [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n{encoding}Content-Length: {bytes.Length}\r\n\r\n"), .. bytes];
    }

    private static byte[] Chunked() =>
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n"u8.ToArray();

    private static byte[] Record(string headers, byte[] block) =>
        [.. Encoding.UTF8.GetBytes($"WARC/1.1\r\n{headers}Content-Length: {block.Length}\r\n\r\n"), .. block, .. "\r\n\r\n"u8];

    private static byte[] GzipBytes(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static IEnumerable<byte[]> Utf8(IEnumerable<string> texts) => texts.Select(Encoding.UTF8.GetBytes);

    private static UdhrTranslation Translation(string code, string lang) =>
        new(code, lang, "ltr", code, "Declaration", [new UdhrSection("Article 1", ["All human beings are born free and equal in dignity and rights."], 1)]);

    [GeneratedRegex("\"\"\"[ \\t]*\\r?\\n(?<body>.*?)\\r?\\n(?<indent>[ \\t]*)\"\"\"", RegexOptions.Singleline)]
    private static partial Regex RawLiteral();

    [GeneratedRegex("(?<![\"@$])\"((?:[^\"\\\\\\n]|\\\\.)*)\"")]
    private static partial Regex RegularLiteral();
}
