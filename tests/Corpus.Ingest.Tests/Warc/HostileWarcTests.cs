using Corpus.Ingest.Files;
using Corpus.Ingest.Html;
using Corpus.Ingest.Warc;
using Corpus.Tests.Shared;

namespace Corpus.Ingest.Tests.Warc;

/// <summary>
/// WARC files that lie about their lengths, are cut short, carry 10 MB lines, garbage HTTP or gzip bombs: every record
/// is a document or a reject naming its reason, and the good records around the bad one are still read.
/// </summary>
public sealed class HostileWarcTests
{
    [Theory]
    [InlineData("warc-content-length-shorter.warc", "doc 0", "bad-content-length", "doc 2")]
    [InlineData("warc-content-length-longer.warc", "doc 0", "bad-content-length", "doc 2", "doc 3")]
    [InlineData("warc-truncated-gzip-member.warc.gz", "doc 0", "doc 1", "truncated")]
    [InlineData("warc-huge-header-line.warc", "doc 0", "bad-header", "doc 2")]
    [InlineData("warc-http-header-line-10mb.warc", "doc 1", "doc 2")]
    [InlineData("warc-garbage-http-block.warc", "unsupported-content-type", "unsupported-content-type", "http-status", "unsupported-content-type", "doc 4")]
    [InlineData("bomb-http-content-encoding.warc.gz", "too-large", "doc 2")]
    [InlineData("warc-nul-bytes.warc", "doc 0", "binary", "doc 2")]
    public void A_damaged_record_is_a_named_reject_and_the_records_around_it_are_read(string name, params string[] expected)
    {
        Outcomes(name).Should().Equal(expected);
    }

    [Theory]
    [InlineData("bomb-single-member.warc.gz")]
    [InlineData("bomb-many-members.warc.gz")]
    public void A_record_that_inflates_to_gigabytes_is_passed_over_uninflated_as_too_large(string name)
    {
        var results = Read(name);

        Outcomes(results).Should().Equal("doc 0", "too-large", "doc 2");
        results.OfType<WarcReject>().Single().Detail.Should().Contain("4294967296 bytes").And.Contain("compressed bytes to the next gzip member");
    }

    [Theory]
    [InlineData("bomb-lying-length.warc.gz")]
    [InlineData("bomb-lying-length-many-members.warc.gz")]
    public void A_gzip_bomb_behind_a_short_content_length_is_scanned_no_further_than_the_record_limit(string name)
    {
        Outcomes(name).Should().Equal("doc 0", "bad-content-length", "doc 2");
    }

    private static List<string> Outcomes(string name) => Outcomes(Read(name));

    private static List<WarcReadResult> Read(string name)
    {
        var bytes = HostileFiles.All.Single(c => c.Name == name).Bytes();
        return WarcSamples.Read(bytes, new WarcReaderOptions { MaxRecordBytes = 64L << 20, VerifyDigests = false });
    }

    /// <summary>"doc N" for a record that became a document of page N, else the reject's reason; records without documents leave nothing.</summary>
    private static List<string> Outcomes(List<WarcReadResult> results)
    {
        var converter = new WarcDocumentConverter(static (html, url) => MainContentExtractor.Extract(html, url));
        var outcomes = new List<string>();
        foreach (var result in results)
        {
            switch (result)
            {
                case WarcReject j:
                    j.Detail.Should().NotStartWith("reading stopped", "no internal error is behind a reject");
                    outcomes.Add(j.Reason);
                    break;
                case WarcRecord r:
                    switch (converter.Convert(r, "hostile.warc"))
                    {
                        case FileReadOutcome.Accepted a:
                            a.Document.Text.Should().Contain(HostileFiles.PageText).And.NotContain("\0");
                            outcomes.Add("doc " + a.Document.SourceUri[^1]);
                            break;
                        case FileReadOutcome.Rejected j:
                            j.SourceUri.Should().StartWith("http://hostile.test/");
                            outcomes.Add(j.Reason);
                            break;
                    }

                    break;
            }
        }

        return outcomes;
    }
}
