using System.IO.Compression;
using System.Text;
using Corpus.Ingest.Warc;

namespace Corpus.Ingest.Tests.Warc;

/// <summary>HTTP exchanges and WARC bytes the WARC tests share.</summary>
internal static class WarcSamples
{
    public static readonly DateTimeOffset Date = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    public static byte[] Response(string body, string contentType = "text/html; charset=utf-8", string status = "200 OK") =>
        Encoding.UTF8.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");

    public static byte[] Request(string path = "/") =>
        Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: example.com\r\nUser-Agent: corpus-test\r\n\r\n");

    public static string Page(int i) => $"<html><head><title>Page {i}</title></head><body><p>Text of page {i}.</p></body></html>";

    /// <summary>Writes <paramref name="pages"/> response+request pairs into a fresh folder; returns the files.</summary>
    public static IReadOnlyList<string> Write(string folder, int pages, bool gzip = true, long seed = 7, long maxFileBytes = 1L << 30)
    {
        using var writer = WarcWriter.Create(new WarcWriterOptions { Directory = folder, Prefix = "test", Gzip = gzip, Seed = seed, MaxFileBytes = maxFileBytes });
        for (var i = 0; i < pages; i++)
        {
            writer.WriteResponse($"http://example.com/{i}", Date.AddSeconds(i), Response(Page(i)), Request($"/{i}"), "93.184.216.34");
        }

        writer.Dispose();
        return writer.CompletedFiles;
    }

    /// <summary>One plain (uncompressed) record with the given headers and block.</summary>
    public static byte[] PlainRecord(string headers, byte[] block) =>
        [.. Encoding.UTF8.GetBytes($"WARC/1.0\r\n{headers}Content-Length: {block.Length}\r\n\r\n"), .. block, .. "\r\n\r\n"u8];

    public static byte[] PlainRecord(string headers, string block) => PlainRecord(headers, Encoding.UTF8.GetBytes(block));

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static List<WarcReadResult> Read(byte[] bytes, WarcReaderOptions? options = null) =>
        [.. WarcReader.Open(new MemoryStream(bytes), options)];

    /// <summary>The repository root (the folder holding Corpus.sln) above the test binaries.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Corpus.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Corpus.sln not found above " + AppContext.BaseDirectory);
    }
}
