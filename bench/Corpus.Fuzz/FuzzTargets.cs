using System.Runtime.InteropServices;
using System.Text;
using Corpus.Ingest.Warc;
using Corpus.Ingest.Web;

namespace Corpus.Fuzz;

/// <summary>A parser under fuzzing: feeds it one input and throws when it breaks its contract.</summary>
/// <param name="Name">The name the harness and the script select it by.</param>
/// <param name="Contract">What the parser promises on any input; an exception the contract does not name is a crash.</param>
/// <param name="Run">Runs the parser on one input and checks the contract.</param>
internal sealed record FuzzTarget(string Name, string Contract, Action<byte[]> Run);

/// <summary>Broken contract: the harness throws it so that AFL counts the input as a crash.</summary>
internal sealed class ContractViolationException(string message) : Exception(message);

/// <summary>
/// One fuzz target per parser in ingest/. Each runs the parser on the input bytes, checks what the
/// parser documents it returns, and bounds what it allocates: <see cref="AllocationBudget"/> bytes
/// on this thread (AFL's own memory limit cannot tell the .NET runtime's reservations from use).
/// </summary>
internal static class FuzzTargets
{
    /// <summary>The record size limit the WARC and HTTP targets read with (the product's default is 64 MiB).</summary>
    public const int MaxRecordBytes = 1 << 20;

    /// <summary>Most URLs the sitemap target keeps.</summary>
    public const int MaxSitemapUrls = 100;

    /// <summary>Longest URL the robots.txt target checks (the crawler's <see cref="TrapGuardOptions.MaxUrlLength"/>).</summary>
    public const int MaxUrlLength = 2048;

    private const long FixedAllowance = 16L << 20;

    private static readonly HashSet<string> ReaderReasons =
    [
        WarcRejectReasons.Garbage, WarcRejectReasons.BadHeader, WarcRejectReasons.BadContentLength, WarcRejectReasons.Truncated,
        WarcRejectReasons.TooLarge, WarcRejectReasons.CorruptGzip, WarcRejectReasons.BlockDigestMismatch, WarcRejectReasons.PayloadDigestMismatch,
    ];

    private static readonly HashSet<string> UrlRefusals = ["unsupported-scheme", "not-absolute", "invalid-host", "invalid-port", "empty"];

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("warc", "WarcReader.Open yields WarcRecord and WarcReject values in file order and never throws; a reader stopped by an exception is a crash", Warc),
        new("http", "HttpBlock.Parse gives null or a head; DecodeBody gives the body or null over the limit; Dechunk gives null for bad chunks; none throws", Http),
        new("robots", "RobotsTxt.Parse reads any bytes (unknown lines ignored); RulesFor and IsAllowed answer without throwing", Robots),
        new("url", "UrlNormalizer.Normalize and Resolve return a URL or a documented refusal, never throw; a normalized URL normalizes to itself", Url),
        new("charset", "CharsetDetector and WarcCharset pick an encoding for any bytes and header and decode without throwing", Charset),
        new("sitemap", "SitemapParser.Parse reads any bytes (XML, gzip or text) without throwing, keeping at most maxUrls valid URLs", Sitemap),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>Runs <paramref name="target"/> on <paramref name="input"/> and checks what it allocated.</summary>
    public static void RunChecked(FuzzTarget target, byte[] input)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        target.Run(input);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var budget = AllocationBudget(target.Name, input.Length);
        Check(allocated <= budget, $"allocated {allocated:N0} bytes for a {input.Length:N0}-byte input (budget {budget:N0})");
    }

    /// <summary>What a target may allocate: linear in the input, plus the limits the parser documents.</summary>
    public static long AllocationBudget(string target, int inputLength)
    {
        var documented = target switch
        {
            "warc" or "http" => 4L * MaxRecordBytes,
            "sitemap" => 3L * SitemapParser.MaxUncompressedBytes,
            _ => 0,
        };
        return (64L * inputLength) + documented + FixedAllowance;
    }

    private static void Warc(byte[] input)
    {
        var options = new WarcReaderOptions { MaxRecordBytes = MaxRecordBytes };
        long last = 0;
        var count = 0;
        foreach (var result in WarcReader.Open(new MemoryStream(input, writable: false), options))
        {
            count++;
            Check(count <= input.Length + 1, $"{count} results from {input.Length} bytes: a result that consumed nothing");
            Check(result.Offset >= last && result.Offset <= input.Length, $"offset {result.Offset} after {last} in a {input.Length}-byte file");
            last = result.Offset;
            switch (result)
            {
                case WarcReject reject:
                    Check(ReaderReasons.Contains(reject.Reason), $"unknown reject reason {reject.Reason}");
                    Check(!reject.Detail.StartsWith("reading stopped:", StringComparison.Ordinal), $"the reader stopped on an exception: {reject.Detail}");
                    break;
                case WarcRecord record:
                    Check(record.Block.Length <= MaxRecordBytes && record.HttpBody.Length <= MaxRecordBytes, "a record over the size limit");
                    _ = (record.Type, record.TargetUri, record.RecordId, record.ContentType, record.HttpHeader("Content-Type"));
                    break;
                default:
                    throw new ContractViolationException("a result that is neither a record nor a reject");
            }
        }
    }

    private static void Http(byte[] input)
    {
        var block = HttpBlock.Parse(input);
        if (block is null)
        {
            return;
        }

        Check(block.BodyStart <= input.Length, $"body starts at {block.BodyStart} in a {input.Length}-byte block");
        _ = (block.IsChunked, block.Header("Content-Type"));
        var dechunked = HttpBlock.Dechunk(input.AsSpan(block.BodyStart));
        Check(dechunked is null || dechunked.Length <= input.Length, "de-chunked body longer than its input");
        var body = block.DecodeBody(input, MaxRecordBytes);
        Check(body is null || body.Value.Length <= Math.Max(MaxRecordBytes, input.Length), "decoded body over the limit");
    }

    private static void Robots(byte[] input)
    {
        var robots = RobotsTxt.Parse(input);
        var text = Encoding.UTF8.GetString(input);
        var lastLine = text[(text.LastIndexOf('\n') + 1)..];
        string[] urls = ["/", "/robots.txt", "http://example.com/a/b.html?q=1#f", lastLine[..Math.Min(lastLine.Length, MaxUrlLength)]];
        foreach (var agent in (string[])["corpus/1.0", "*", lastLine])
        {
            var rules = robots.RulesFor(agent);
            foreach (var url in urls)
            {
                _ = rules.IsAllowed(url);
            }

            Check(rules.IsAllowed("/robots.txt"), "/robots.txt disallowed");
            Check(rules.CrawlDelay is null || rules.CrawlDelay >= TimeSpan.Zero, "negative crawl delay");
        }

        _ = robots.Sitemaps.Count;
    }

    private static void Url(byte[] input)
    {
        // UTF-8 as a page's text would decode it, and the raw bytes as UTF-16 units, which reach lone surrogates.
        Url(Encoding.UTF8.GetString(input), dropTracking: input.Length > 0 && (input[0] & 1) == 1);
        Url(new string(MemoryMarshal.Cast<byte, char>(input.AsSpan(0, input.Length & ~1))), dropTracking: false);
    }

    private static void Url(string text, bool dropTracking)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var result = newline < 0
            ? UrlNormalizer.Normalize(text, dropTracking)
            : UrlNormalizer.Resolve(text[..newline], text[(newline + 1)..], dropTracking);
        Check((result.Url is null) != (result.Refusal is null), "a result with both or neither of a URL and a refusal");
        if (result.Url is not { } url)
        {
            Check(UrlRefusals.Contains(result.Refusal!), $"undocumented refusal {result.Refusal}");
            return;
        }

        Check(url.All(c => c is > ' ' and < '\u007F'), $"normalized URL with a character that is not printable ASCII: {url}");
        var again = UrlNormalizer.Normalize(url, dropTracking);
        Check(again.Url == url, $"not idempotent: {url} normalizes to {again.Url ?? again.Refusal}");
    }

    private static void Charset(byte[] input)
    {
        var newline = Array.IndexOf(input, (byte)'\n');
        var header = newline < 0 ? null : Encoding.Latin1.GetString(input, 0, newline);
        var body = newline < 0 ? input : input.AsSpan(newline + 1);
        var limit = (2 * body.Length) + 2;
        Check(CharsetDetector.Decode(body, header).Length <= limit, "decoded text longer than twice its bytes");
        _ = CharsetDetector.Detect(body, header);
        _ = CharsetDetector.FromLabel(header);
        Check(WarcCharset.Decode(body, header, html: true).Length <= limit, "decoded text longer than twice its bytes");
        Check(WarcCharset.Decode(body, header, html: false).Length <= limit, "decoded text longer than twice its bytes");
        _ = WarcCharset.MediaType(header ?? "");
    }

    private static void Sitemap(byte[] input)
    {
        var sitemap = SitemapParser.Parse(input, MaxSitemapUrls);
        Check(sitemap.Urls.Count <= MaxSitemapUrls, $"{sitemap.Urls.Count} URLs kept, over the limit");
        foreach (var url in sitemap.Urls)
        {
            Check(UrlNormalizer.Normalize(url).Url == url, $"a kept URL that is not normalized: {url}");
        }
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ContractViolationException(message);
        }
    }
}
