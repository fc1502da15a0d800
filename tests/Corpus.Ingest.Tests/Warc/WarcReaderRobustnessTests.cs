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
}
