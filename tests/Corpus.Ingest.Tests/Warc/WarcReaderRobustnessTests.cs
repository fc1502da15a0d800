using System.Text;
using Corpus.Ingest.Warc;

namespace Corpus.Ingest.Tests.Warc;

public sealed class WarcReaderRobustnessTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Damaged_files_never_throw_and_always_end(bool gzip)
    {
        using var temp = new TempFolder();
        var original = File.ReadAllBytes(WarcSamples.Write(temp.Path, pages: 6, gzip: gzip)[0]);
        var random = new Random(1234);
        for (var round = 0; round < 300; round++)
        {
            var bytes = (byte[])original.Clone();
            switch (round % 3)
            {
                case 0:
                    for (var k = 0; k < 1 + random.Next(8); k++)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }

                    break;
                case 1:
                    bytes = bytes[..random.Next(bytes.Length)];
                    break;
                default:
                    var at = random.Next(bytes.Length);
                    var cut = random.Next(1, 200);
                    bytes = [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + cut)..]];
                    break;
            }

            var results = WarcSamples.Read(bytes);

            results.Count.Should().BeLessThan(bytes.Length + 2, "each result consumes input");
            results.Select(r => r.Offset).Should().BeInAscendingOrder();
            results.OfType<WarcReject>().Should().NotContain(r => r.Detail.StartsWith("reading stopped", StringComparison.Ordinal), "no internal error is behind a reject");
        }
    }

    // Found by bench/fuzz/run-sharpfuzz.sh (http): BrotliStream throws InvalidOperationException on a body that does not
    // decode, which stopped the reader ("reading stopped") and lost every record after it.
    [Fact]
    public void A_brotli_body_that_does_not_decode_keeps_its_stored_bytes_and_reading_goes_on()
    {
        byte[] body = [0xFA, 0x04, 0x80, .. "bro"u8, 0xE8, 0x03, .. "i body"u8, 0x03];
        byte[] http = [.. "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n"u8, .. body];
        byte[] bytes =
        [
            .. WarcSamples.PlainRecord("WARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\n", http),
            .. WarcSamples.PlainRecord("WARC-Type: resource\r\n", "next"),
        ];

        var results = WarcSamples.Read(bytes);

        results.Should().HaveCount(2).And.AllBeOfType<WarcRecord>();
        ((WarcRecord)results[0]).HttpBody.ToArray().Should().Equal(body);
        ((WarcRecord)results[1]).Type.Should().Be("resource");
    }

    // Found while writing bench/Corpus.Fuzz (AFL keeps its inputs too small to reach it): each continuation line copied the whole value so far,
    // 7.2 GB allocated for these 240 KB of headers.
    [Fact]
    public void Warc_headers_folded_over_many_lines_read_in_linear_memory()
    {
        var folded = string.Concat(Enumerable.Repeat(" a\r\n", 60_000));
        var bytes = WarcSamples.PlainRecord($"WARC-Type: resource\r\nX-Folded: b\r\n{folded}", "block");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var record = WarcSamples.Read(bytes).Should().ContainSingle().Which.Should().BeOfType<WarcRecord>().Subject;

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(32 << 20);
        record.Header("X-Folded").Should().Be("b" + string.Concat(Enumerable.Repeat(" a", 60_000)));
    }

    // Found while writing bench/Corpus.Fuzz (AFL keeps its inputs too small to reach it): the same copying in the HTTP head, 92 s and 180 GB
    // allocated for a 900 KB block; a record block may be 64 MiB.
    [Fact]
    public void Http_headers_folded_over_many_lines_read_in_linear_memory()
    {
        var folded = string.Concat(Enumerable.Repeat(" a\n", 100_000));
        var http = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nX-Folded: b\r\n{folded}\r\nbody");
        var bytes = WarcSamples.PlainRecord("WARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\n", http);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var record = WarcSamples.Read(bytes).Should().ContainSingle().Which.Should().BeOfType<WarcRecord>().Subject;

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(32 << 20);
        record.HttpHeader("X-Folded")!.Length.Should().Be(1 + (2 * 100_000));
        Encoding.ASCII.GetString(record.HttpBody.Span).Should().Be("body");
    }
}
