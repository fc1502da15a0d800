using Corpus.Ingest.Files;
using Corpus.Tests.Shared;

namespace Corpus.Ingest.Tests.Files;

/// <summary>Gzipped text and HTML files that inflate to 4 GiB from 4 MB stop at the inflate limit (<c>input.max_file_bytes</c>).</summary>
public sealed class GzipBombTests
{
    [Theory]
    [InlineData("bomb.txt.gz")]
    [InlineData("bomb.html.gz")]
    public void A_gzip_bomb_is_rejected_as_too_large_at_the_inflate_limit(string name)
    {
        using var dir = new TempFolder();
        var bytes = HostileFiles.All.Single(c => c.Name == name).Bytes();
        var path = dir.Write(name, bytes);

        var outcome = FileDocumentReader.Read(new InputFile(path, name), [".txt", ".html"], 64L << 20);

        var reject = outcome.Should().BeOfType<FileReadOutcome.Rejected>().Subject;
        reject.Reason.Should().Be(RejectReasons.TooLarge);
        reject.Detail.Should().Contain("inflates to more than input.max_file_bytes = 67108864");
        bytes.Length.Should().BeLessThan(8 << 20, "the bomb is a few MB that inflate to 4 GiB");
    }
}
