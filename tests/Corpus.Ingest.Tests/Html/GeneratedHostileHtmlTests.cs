using Corpus.Ingest.Files;
using Corpus.Ingest.Html;
using Corpus.Tests.Shared;

namespace Corpus.Ingest.Tests.Html;

/// <summary>
/// HTML files built to be slow or confusing to parse: each is read, through the main-content extractor a build uses
/// and through the plain one, to a document that keeps the page text, or to a named reject.
/// </summary>
public sealed class GeneratedHostileHtmlTests
{
    private static readonly string[] Extensions = [".html"];

    // Deep nesting is kept to 5,000 levels while extraction is quadratic in depth; 20,000 and more belong here once it is linear.
    [Theory]
    [InlineData("html-deep-nesting.html")]
    [InlineData("html-many-attributes.html")]
    [InlineData("html-5mb-word.html")]
    [InlineData("html-nested-inline.html")]
    [InlineData("html-unclosed-anchors.html")]
    [InlineData("html-unclosed-comment.html")]
    [InlineData("html-unclosed-script.html")]
    public void A_hostile_page_becomes_a_document_that_keeps_its_text(string name)
    {
        foreach (var outcome in ReadBothWays(name))
        {
            var text = outcome.Should().BeOfType<FileReadOutcome.Accepted>().Which.Document.Text;
            text.Should().Contain(HostileFiles.PageText).And.NotContain("not text");
        }
    }

    [Fact]
    public void A_page_with_a_5_mb_word_keeps_the_whole_word()
    {
        foreach (var outcome in ReadBothWays("html-5mb-word.html"))
        {
            outcome.Should().BeOfType<FileReadOutcome.Accepted>().Which.Document.Text.Should().Contain(new string('w', 5 << 20));
        }
    }

    [Fact]
    public void A_page_with_nul_bytes_is_rejected_as_binary()
    {
        foreach (var outcome in ReadBothWays("html-nul-bytes.html"))
        {
            outcome.Should().BeOfType<FileReadOutcome.Rejected>().Which.Reason.Should().Be(RejectReasons.Binary);
        }
    }

    private static IEnumerable<FileReadOutcome> ReadBothWays(string name)
    {
        using var dir = new TempFolder();
        var path = dir.Write(name, HostileFiles.All.Single(c => c.Name == name).Bytes());
        var file = new InputFile(path, name);
        yield return FileDocumentReader.Read(file, Extensions, 64L << 20, static (html, url) => MainContentExtractor.Extract(html, url));
        yield return FileDocumentReader.Read(file, Extensions, 64L << 20);
    }
}
